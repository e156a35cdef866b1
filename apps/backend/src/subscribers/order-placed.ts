import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { grantOrderEntitlementsWorkflow } from "../workflows/delivery/workflows/grant-order-entitlements"

/** Whichever path completed the cart, a placed order gets its entitlements (once per line). */
export default async function orderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await grantOrderEntitlementsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.placed" }
