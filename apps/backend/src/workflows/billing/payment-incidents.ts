import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { fromMedusaAmount, type MedusaAmount } from "@vespertene/money/medusa"
import type Stripe from "stripe"
import { backendEnv } from "../../lib/env"
import { BILLING_MODULE } from "../../modules/billing"
import type BillingModuleService from "../../modules/billing/service"
import { DIGITAL_FILE_MODULE } from "../../modules/digital-file"
import type DigitalFileModuleService from "../../modules/digital-file/service"
import { linesCoveredBy } from "../delivery/steps/find-refunded-lines"
import { sendEmailWorkflow } from "../notifications/workflows/send-email"

/**
 * Refunds and disputes that Stripe reports (charge.refunded, charge.dispute.*), which Medusa's
 * Stripe provider ignores. Each Stripe refund or dispute is acted on once (a unique record); the
 * buyer's email is keyed so that a refund made in the admin, which Medusa reports as
 * payment.refunded and Stripe then reports again, is announced once.
 */

type OrderFacts = {
  id: string
  display_id: number
  email: string | null
  currency: string
  total: number
  lines: Array<{ id: string; total: number; created_at: unknown; title: string }>
}

async function orderFacts(container: MedusaContainer, orderId: string): Promise<OrderFacts | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "email", "currency_code", "total", "items.id", "items.total", "items.created_at", "items.product_title", "items.title"],
    filters: { id: orderId },
  })
  const order = data[0]
  if (!order) return null
  const currency = order.currency_code.toUpperCase()
  return {
    id: order.id,
    display_id: Number(order.display_id),
    email: order.email ?? null,
    currency,
    total: fromMedusaAmount(order.total as MedusaAmount, currency),
    lines: (order.items ?? []).map((item) => ({
      id: item!.id,
      total: fromMedusaAmount(item!.total as MedusaAmount, currency),
      created_at: item!.created_at,
      title: item!.product_title ?? item!.title ?? "",
    })),
  }
}

/** The order a Medusa payment session (a PaymentIntent's metadata.session_id) was paid for. */
export async function orderOfPaymentSession(container: MedusaContainer, sessionId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment_session",
    fields: ["id", "payment_collection.order.id"],
    filters: { id: sessionId },
  })
  const session = data[0] as { payment_collection?: { order?: { id?: string } } } | undefined
  return session?.payment_collection?.order?.id ?? null
}

async function setStatus(container: MedusaContainer, lineIds: string[], status: "active" | "revoked", reason: string | null) {
  const files: DigitalFileModuleService = container.resolve(DIGITAL_FILE_MODULE)
  return (await files.changeEntitlementStatus({ line_item_ids: lineIds }, status, reason)).map((e) => e.line_item_id)
}

/**
 * Tells the buyer about a refund, once per refunded total: the admin path and Stripe's webhook for
 * the same refund reach the same total, so the second one is skipped by the idempotency key.
 */
export async function sendRefundNotice(
  container: MedusaContainer,
  input: { order_id: string; amount: number; refunded_total: number; covered_line_ids: string[] },
) {
  const order = await orderFacts(container, input.order_id)
  if (!order?.email || input.amount <= 0) return
  const covered = new Set(input.covered_line_ids)
  await sendEmailWorkflow(container).run({
    input: {
      to: order.email,
      template: "refund-notice",
      idempotency_key: `refund-notice:${order.id}:${input.refunded_total}`,
      data: {
        displayId: order.display_id,
        currency: order.currency,
        amount: input.amount,
        refundedTotal: input.refunded_total,
        orderTotal: order.total,
        revokedTitles: order.lines.filter((l) => covered.has(l.id)).map((l) => l.title),
        accountUrl: `${backendEnv().STOREFRONT_URL}/account/downloads`,
      },
    },
  })
}

const billing = (container: MedusaContainer): BillingModuleService => container.resolve(BILLING_MODULE)

/**
 * Acting once per Stripe refund or dispute, and surviving a crash half-way: a delivery whose
 * incident is already recorded does nothing (so a later reinstatement by staff stands); otherwise
 * it revokes and emails (both safe to repeat) and records the incident last.
 */
async function alreadyRecorded(container: MedusaContainer, stripeIds: string[]): Promise<Set<string>> {
  if (stripeIds.length === 0) return new Set()
  const found = await billing(container).listPaymentIncidents({ stripe_id: stripeIds }, { select: ["stripe_id"] })
  return new Set(found.map((i) => i.stripe_id))
}

/** charge.refunded: take back the lines the refunded total covers, tell the buyer, record each new refund. */
export async function handleStripeRefund(container: MedusaContainer, charge: Stripe.Charge, orderId: string | null) {
  const currency = charge.currency.toUpperCase()
  const refunds = [...(charge.refunds?.data ?? [])].sort((a, b) => a.created - b.created)
  const known = await alreadyRecorded(container, refunds.map((r) => r.id))
  const fresh = refunds.filter((r) => !known.has(r.id))
  if (fresh.length === 0) return
  const order = orderId ? await orderFacts(container, orderId) : null
  if (order) {
    const covered = linesCoveredBy(order.lines, charge.amount_refunded, order.total)
    await setStatus(container, covered, "revoked", `Refunded in Stripe (${fresh.map((r) => r.id).join(", ")})`)
    await sendRefundNotice(container, {
      order_id: order.id,
      amount: fresh.reduce((sum, r) => sum + r.amount, 0),
      refunded_total: charge.amount_refunded,
      covered_line_ids: covered,
    })
  }
  for (const refund of fresh) {
    await billing(container).recordIncidentOnce({
      stripe_id: refund.id,
      kind: "refund",
      status: refund.status ?? "succeeded",
      order_id: orderId,
      payment_intent_id: String(charge.payment_intent),
      amount: refund.amount,
      currency_code: currency,
      reason: refund.reason ?? null,
    })
  }
}

const disputeReason = (id: string) => `Disputed (${id})`

/** charge.dispute.created: pause every download of the order while the dispute is open. */
export async function handleStripeDisputeOpened(container: MedusaContainer, dispute: Stripe.Dispute, orderId: string | null) {
  if ((await alreadyRecorded(container, [dispute.id])).size > 0) return
  const order = orderId ? await orderFacts(container, orderId) : null
  if (order) {
    await setStatus(container, order.lines.map((l) => l.id), "revoked", disputeReason(dispute.id))
    const paused = await pausedBy(container, order.id, dispute.id)
    if (order.email) {
      await sendEmailWorkflow(container).run({
        input: {
          to: order.email,
          template: "dispute-notice",
          idempotency_key: `dispute-notice:${dispute.id}`,
          data: {
            displayId: order.display_id,
            currency: order.currency,
            amount: dispute.amount,
            revokedTitles: order.lines.filter((l) => paused.has(l.id)).map((l) => l.title),
            accountUrl: `${backendEnv().STOREFRONT_URL}/account/downloads`,
          },
        },
      })
    }
  }
  await billing(container).recordIncidentOnce({
    stripe_id: dispute.id,
    kind: "dispute",
    status: dispute.status,
    order_id: orderId,
    payment_intent_id: String(dispute.payment_intent),
    amount: dispute.amount,
    currency_code: dispute.currency.toUpperCase(),
    reason: dispute.reason ?? null,
  })
}

/** The order lines this dispute has paused (a repeated delivery finds them already revoked). */
async function pausedBy(container: MedusaContainer, orderId: string, disputeId: string): Promise<Set<string>> {
  const files: DigitalFileModuleService = container.resolve(DIGITAL_FILE_MODULE)
  const paused = await files.listEntitlements({ order_id: orderId, status: "revoked", revoked_reason: disputeReason(disputeId) })
  return new Set(paused.map((e) => e.line_item_id))
}

/** charge.dispute.closed: a won dispute gives back exactly what the dispute paused. */
/** Where a dispute ends: only `charge.dispute.closed` records these, as it also gives access back. */
const DISPUTE_OUTCOMES = ["won", "lost", "warning_closed"]

/**
 * A dispute moved on in Stripe (answered, under review, a warning): the order page shows where it
 * stands; access does not change. An update that already carries the outcome is left to the
 * closing event, and one delivered after it never reopens the dispute (checked in the update).
 */
export async function handleStripeDisputeUpdated(container: MedusaContainer, dispute: Stripe.Dispute) {
  if (DISPUTE_OUTCOMES.includes(dispute.status)) return
  await billing(container).advanceOpenDispute(dispute.id, dispute.status)
}

export async function handleStripeDisputeClosed(container: MedusaContainer, dispute: Stripe.Dispute, orderId: string | null) {
  const changed = await billing(container).changeIncidentStatus(dispute.id, dispute.status)
  if (!changed || !orderId || dispute.status !== "won") return
  await setStatus(container, [...(await pausedBy(container, orderId, dispute.id))], "active", null)
}
