import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentWebhookEvents } from "@medusajs/framework/utils"
import type Stripe from "stripe"
import { backendEnv } from "../lib/env"
import { reportingErrors } from "../lib/monitoring"
import { createStripeClient } from "../lib/stripe"
import {
  handleStripeDisputeClosed,
  handleStripeDisputeUpdated,
  handleStripeDisputeOpened,
  handleStripeRefund,
  orderOfPaymentSession,
} from "../workflows/billing/payment-incidents"

type WebhookReceived = {
  provider: string
  payload: { rawData: Buffer | string | { type: "Buffer"; data: number[] }; headers: Record<string, string | string[] | undefined> }
}

function rawBody(raw: WebhookReceived["payload"]["rawData"]): Buffer | string {
  if (typeof raw === "string" || Buffer.isBuffer(raw)) return raw
  return Buffer.from(raw.data)
}

/**
 * Stripe's refunds and disputes, which Medusa's Stripe provider ignores. Arrives through the same
 * webhook endpoint (/hooks/payment/stripe_stripe) and verifies Stripe's signature itself: an
 * event that does not verify changes nothing.
 */
export default async function stripeRefundsAndDisputes({ event, container }: SubscriberArgs<WebhookReceived>) {
  if (event.data.provider !== "stripe_stripe") return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET } = backendEnv()
  if (!STRIPE_API_KEY || !STRIPE_WEBHOOK_SECRET) return
  const stripe = createStripeClient(STRIPE_API_KEY)
  let stripeEvent: Stripe.Event
  try {
    const signature = event.data.payload.headers["stripe-signature"]
    stripeEvent = stripe.webhooks.constructEvent(rawBody(event.data.payload.rawData), String(signature ?? ""), STRIPE_WEBHOOK_SECRET)
  } catch (error) {
    logger.warn(`Stripe webhook ignored: its signature does not verify (${(error as Error).message})`)
    return
  }
  const handled = ["charge.refunded", "charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed"]
  if (!handled.includes(stripeEvent.type)) return

  await reportingErrors({ area: "webhook", ids: { stripe_event: stripeEvent.id } }, () => handle(container, stripe, stripeEvent))
}

async function handle(container: SubscriberArgs<unknown>["container"], stripe: Stripe, stripeEvent: Stripe.Event) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const object = stripeEvent.data.object as Stripe.Charge | Stripe.Dispute
  const intentId = typeof object.payment_intent === "string" ? object.payment_intent : object.payment_intent?.id
  if (!intentId) return
  // Medusa's PaymentIntents carry their payment session; an intent without one is not ours.
  const intent = await stripe.paymentIntents.retrieve(intentId)
  const sessionId = intent.metadata?.session_id
  if (!sessionId) return
  const orderId = await orderOfPaymentSession(container, sessionId)
  if (!orderId) logger.warn(`Stripe ${stripeEvent.type} for ${intentId}: no order has this payment; recorded only`)

  await reportingErrors({ area: "webhook", orderId, ids: { stripe_event: stripeEvent.id } }, async () => {
    if (stripeEvent.type === "charge.refunded") await handleStripeRefund(container, object as Stripe.Charge, orderId)
    else if (stripeEvent.type === "charge.dispute.created") await handleStripeDisputeOpened(container, object as Stripe.Dispute, orderId)
    else if (stripeEvent.type === "charge.dispute.updated") await handleStripeDisputeUpdated(container, object as Stripe.Dispute)
    else await handleStripeDisputeClosed(container, object as Stripe.Dispute, orderId)
  })
}

export const config: SubscriberConfig = {
  event: PaymentWebhookEvents.WebhookReceived,
  context: { subscriberId: "stripe-refunds-and-disputes" },
}
