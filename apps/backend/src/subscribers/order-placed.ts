import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reportingErrors } from "../lib/monitoring"
import { grantOrderEntitlementsWorkflow } from "../workflows/delivery/workflows/grant-order-entitlements"

/** Whichever path completed the cart, a placed order gets its entitlements (once per line). */
export default async function orderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await reportingErrors({ area: "fulfilment", orderId: event.data.id }, () =>
    grantOrderEntitlementsWorkflow(container).run({ input: { order_id: event.data.id } }),
  )
}

export const config: SubscriberConfig = { event: "order.placed" }
