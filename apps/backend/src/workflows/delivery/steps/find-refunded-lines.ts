import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fromMedusaAmount, type MedusaAmount } from "@vespertene/money/medusa"

export type RefundedLines = {
  order_id: string | null
  line_item_ids: string[]
  refund_ids: string[]
  /** Everything refunded on the order so far, and the latest refund: integer minor units. */
  refunded_total: number
  latest_amount: number
}

const time = (value: unknown) => new Date(value as string | Date).getTime()

type PricedLine = { id: string; total: number; created_at: unknown }

/**
 * Which lines a refunded amount covers. Refunds are amounts, not lines: lines are covered in the
 * order they were added while the refunded total reaches their cumulative price, so a small
 * goodwill refund covers none. Refunding the order's total covers every line, whatever rounding
 * did to the line totals (which can add up to a cent more than the order's).
 */
export function linesCoveredBy(lines: PricedLine[], refundedTotal: number, orderTotal: number): string[] {
  if (lines.length > 0 && refundedTotal >= orderTotal) return lines.map((line) => line.id)
  let remaining = refundedTotal
  const covered: string[] = []
  for (const line of [...lines].sort((a, b) => time(a.created_at) - time(b.created_at))) {
    if (line.total > remaining) break
    remaining -= line.total
    covered.push(line.id)
  }
  return covered
}

const NONE: RefundedLines = { order_id: null, line_item_ids: [], refund_ids: [], refunded_total: 0, latest_amount: 0 }

/** Which order lines a payment's refunds (made through Medusa) cover. */
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
    if (!orderId) return new StepResponse<RefundedLines>(NONE)
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
        "payment_collections.payments.refunds.created_at",
      ],
      filters: { id: orderId },
    })
    const order = orders[0]!
    const currency = order.currency_code
    const refunds = (order.payment_collections ?? []).flatMap((pc) => (pc?.payments ?? []).flatMap((p) => p?.refunds ?? []))
    const amounts = refunds
      .map((r) => ({ amount: fromMedusaAmount(r!.amount as MedusaAmount, currency), at: time(r!.created_at) }))
      .sort((a, b) => a.at - b.at)
    const refundedTotal = amounts.reduce((sum, r) => sum + r.amount, 0)
    const lines = (order.items ?? []).map((line) => ({
      id: line!.id,
      total: fromMedusaAmount(line!.total as MedusaAmount, currency),
      created_at: line!.created_at,
    }))
    const covered = linesCoveredBy(lines, refundedTotal, fromMedusaAmount(order.total as MedusaAmount, currency))
    return new StepResponse<RefundedLines>({
      order_id: orderId,
      line_item_ids: covered,
      refund_ids: refunds.map((r) => r!.id),
      refunded_total: refundedTotal,
      latest_amount: amounts.at(-1)?.amount ?? 0,
    })
  },
)
