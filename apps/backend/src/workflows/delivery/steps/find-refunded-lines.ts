import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fromMedusaAmount, type MedusaAmount } from "@vespertene/money/medusa"

export type RefundedLines = { order_id: string | null; line_item_ids: string[]; refund_ids: string[] }

/**
 * Which order lines a payment's refunds cover. Refunds are amounts, not lines: lines are
 * covered in order while the refunded total reaches their cumulative price, so a full refund
 * covers every line and a small goodwill refund covers none.
 */
export const findRefundedLinesStep = createStep(
  "find-refunded-lines",
  async (input: { payment_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: payments } = await query.graph({
      entity: "payment",
      fields: ["id", "payment_collection.order.id"],
      filters: { id: input.payment_id },
    })
    const orderId = (payments[0] as { payment_collection?: { order?: { id: string } } } | undefined)?.payment_collection?.order?.id
    if (!orderId) return new StepResponse<RefundedLines>({ order_id: null, line_item_ids: [], refund_ids: [] })
    const { data: orders } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "currency_code",
        // Asking for the order's total makes Medusa compute the line totals too.
        "total",
        "items.id",
        "items.total",
        "items.created_at",
        "payment_collections.payments.refunds.id",
        "payment_collections.payments.refunds.amount",
      ],
      filters: { id: orderId },
    })
    const order = orders[0]!
    const currency = order.currency_code
    const refunds = (order.payment_collections ?? []).flatMap((pc) => (pc?.payments ?? []).flatMap((p) => p?.refunds ?? []))
    let remaining = refunds.reduce((sum, r) => sum + fromMedusaAmount(r!.amount as MedusaAmount, currency), 0)
    const covered: string[] = []
    const lines = [...(order.items ?? [])].sort((a, b) => String(a?.created_at).localeCompare(String(b?.created_at)))
    for (const line of lines) {
      const price = fromMedusaAmount(line!.total as MedusaAmount, currency)
      if (price > remaining) break
      remaining -= price
      covered.push(line!.id)
    }
    return new StepResponse<RefundedLines>({ order_id: orderId, line_item_ids: covered, refund_ids: refunds.map((r) => r!.id) })
  },
)
