import { processPaymentWorkflow } from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, PaymentActions } from "@medusajs/framework/utils"
import { toMedusaAmount } from "@vespertene/money/medusa"
import { backendEnv } from "../lib/env"
import { reportError } from "../lib/monitoring"
import { createStripeClient, paymentIntentId } from "../lib/stripe"

/** Sessions younger than this are the browser's to complete; older than LOOKBACK are left alone. */
const GRACE_MS = 2 * 60 * 1000
const LOOKBACK_MS = 24 * 60 * 60 * 1000
const BATCH = 200

/**
 * A paid cart must become an order even when the buyer closed the tab and Stripe's webhook was
 * lost (Medusa answers it 200 before processing and never retries). Every few minutes this asks
 * Stripe about recent Stripe payment sessions whose cart has no order, and completes those whose
 * PaymentIntent succeeded, through the same workflow the webhook uses.
 */
export default async function completePaidCarts(container: MedusaContainer, now = new Date()) {
  const { STRIPE_API_KEY } = backendEnv()
  if (!STRIPE_API_KEY) return { completed: 0 }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { data: sessions } = await query.graph({
    entity: "payment_session",
    fields: ["id", "data", "currency_code", "payment_collection_id"],
    filters: {
      provider_id: "pp_stripe_stripe",
      // "authorized" too: a webhook may have taken the payment and then failed to complete the cart.
      status: ["pending", "requires_more", "authorized"],
      created_at: { $lt: new Date(now.getTime() - GRACE_MS), $gt: new Date(now.getTime() - LOOKBACK_MS) },
    },
    pagination: { take: BATCH, order: { created_at: "DESC" } },
  })
  if (sessions.length === 0) return { completed: 0 }
  const { data: links } = await query.graph({
    entity: "cart_payment_collection",
    fields: ["cart_id", "payment_collection_id"],
    filters: { payment_collection_id: sessions.map((s) => s.payment_collection_id) },
  })
  const cartOf = new Map((links as Array<{ cart_id: string; payment_collection_id: string }>).map((l) => [l.payment_collection_id, l.cart_id]))
  const { data: ordered } = await query.graph({
    entity: "order_cart",
    fields: ["cart_id"],
    filters: { cart_id: [...cartOf.values()] },
  })
  const done = new Set((ordered as Array<{ cart_id: string }>).map((o) => o.cart_id))

  const stripe = createStripeClient(STRIPE_API_KEY)
  let completed = 0
  for (const session of sessions) {
    const cartId = cartOf.get(session.payment_collection_id)
    const intentId = paymentIntentId(session.data)
    if (!cartId || done.has(cartId) || !intentId) continue
    const intent = await stripe.paymentIntents.retrieve(intentId, { expand: ["latest_charge"] }).catch((error: Error) => {
      logger.warn(`Paid-cart check: could not read ${intentId} from Stripe (${error.message})`)
      return null
    })
    if (!intent || intent.metadata?.session_id !== session.id || intent.status !== "succeeded") continue
    // Money already given back, or contested, before any order existed: nothing to deliver.
    const charge = typeof intent.latest_charge === "object" ? intent.latest_charge : null
    if (charge && (charge.amount_refunded > 0 || charge.disputed)) {
      logger.warn(`Paid-cart check: ${intentId} succeeded but was refunded or disputed before an order existed; cart ${cartId} left open`)
      continue
    }
    logger.warn(`Completing cart ${cartId}: PaymentIntent ${intentId} succeeded but no order was placed`)
    try {
      await processPaymentWorkflow(container).run({
        input: {
          action: PaymentActions.SUCCESSFUL,
          data: { session_id: session.id, amount: toMedusaAmount(intent.amount_received, intent.currency) },
        },
      })
    } catch (error) {
      // One cart that cannot complete must not hold up the others; the next run tries it again.
      reportError(error, { area: "checkout", ids: { cart_id: cartId, payment_session_id: session.id } })
      logger.error(`Paid-cart check: completing cart ${cartId} failed (${(error as Error).message})`)
      continue
    }
    done.add(cartId)
    completed++
  }
  return { completed }
}

export const config = { name: "complete-paid-carts", schedule: "*/5 * * * *" }
