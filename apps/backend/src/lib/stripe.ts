import Stripe from "stripe"
import { backendEnv, stripeStandInBase } from "./env"

/**
 * The project's one way to build a Stripe client: Stripe's own API, except in tests with a test
 * key, where STRIPE_API_BASE points it at the local stand-in (ADR 0020). Uses the same `stripe`
 * package version as Medusa's Stripe provider.
 */
export function createStripeClient(apiKey: string): Stripe {
  const base = stripeStandInBase(backendEnv())
  if (!base) return new Stripe(apiKey)
  const url = new URL(base)
  return new Stripe(apiKey, {
    host: url.hostname,
    port: Number(url.port || (url.protocol === "https:" ? 443 : 80)),
    protocol: url.protocol === "https:" ? "https" : "http",
    maxNetworkRetries: 0,
  })
}

/** Stripe's PaymentIntent id of a Medusa payment session or payment (its `data`). */
export function paymentIntentId(data: unknown): string | undefined {
  const id = (data as { id?: unknown } | null | undefined)?.id
  return typeof id === "string" && id.startsWith("pi_") ? id : undefined
}
