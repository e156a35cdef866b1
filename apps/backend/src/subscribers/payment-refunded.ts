import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { revokeRefundedEntitlementsWorkflow } from "../workflows/delivery/workflows/revoke-refunded-entitlements"

/** A refund made in the admin takes back access to what it refunded. */
export default async function paymentRefunded({ event, container }: SubscriberArgs<{ id: string }>) {
  await revokeRefundedEntitlementsWorkflow(container).run({ input: { payment_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "payment.refunded" }
