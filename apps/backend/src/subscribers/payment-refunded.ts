import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reportingErrors } from "../lib/monitoring"
import { sendRefundNotice } from "../workflows/billing/payment-incidents"
import { revokeRefundedEntitlementsWorkflow } from "../workflows/delivery/workflows/revoke-refunded-entitlements"

/** A refund made in the admin takes back access to what it refunded, and tells the buyer once. */
export default async function paymentRefunded({ event, container }: SubscriberArgs<{ id: string }>) {
  await reportingErrors({ area: "refund", ids: { payment_id: event.data.id } }, () => revokeAndTell(container, event.data.id))
}

async function revokeAndTell(container: SubscriberArgs<unknown>["container"], paymentId: string) {
  const { result } = await revokeRefundedEntitlementsWorkflow(container).run({ input: { payment_id: paymentId } })
  if (!result.refunded.order_id) return
  await sendRefundNotice(container, {
    order_id: result.refunded.order_id,
    amount: result.refunded.latest_amount,
    refunded_total: result.refunded.refunded_total,
    covered_line_ids: result.refunded.line_item_ids,
  })
}

export const config: SubscriberConfig = { event: "payment.refunded" }
