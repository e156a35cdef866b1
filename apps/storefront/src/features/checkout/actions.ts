"use server"

import { z } from "zod"
import { allowsTestPayments, env } from "@/env"
import { completeCart, currentCartId, setBuyerDetails, startPayment } from "@/lib/medusa/cart"
import { currentSession } from "@/lib/session"
import type { Cart } from "@/lib/medusa/cart-shape"

// Server actions: Next accepts them only from this site's own pages (Origin check), and each
// acts for the signed-in customer of the HttpOnly session cookie (ADR 0003).

export type Totals = Pick<Cart, "currency" | "subtotal" | "discount" | "tax" | "total" | "countryCode">
export type CheckoutFailure = { ok: false; error?: string; fieldErrors?: Record<string, string>; signIn?: boolean; expired?: boolean }

const totalsOf = (cart: Cart): Totals => ({
  currency: cart.currency,
  subtotal: cart.subtotal,
  discount: cart.discount,
  tax: cart.tax,
  total: cart.total,
  countryCode: cart.countryCode,
})

const Buyer = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  name: z.string().trim().min(2, "Enter the cardholder's name").max(200, "That name is too long"),
  country: z.string().regex(/^[a-z]{2}$/, "Choose your country"),
})
export type BuyerInput = z.input<typeof Buyer>

function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) errors[String(issue.path[0])] ??= issue.message
  return errors
}

const failed = (status: number, message: string): CheckoutFailure =>
  status === 401 ? { ok: false, signIn: true, error: "Your session has ended. Please sign in again." }
  : status === 404 ? { ok: false, expired: true, error: "Your cart has expired. Please add the products again." }
  : status === 429 ? { ok: false, error: "Too many attempts. Please wait a minute and try again." }
  : { ok: false, error: status >= 500 ? "Something went wrong on our side. Please try again." : message }

/** The buyer chose a country: move the cart there and answer with the new totals (GST or none). */
export async function changeCountryAction(country: string): Promise<{ ok: true; totals: Totals } | CheckoutFailure> {
  const session = await currentSession()
  if (!session) return { ok: false, signIn: true }
  const parsed = Buyer.shape.country.safeParse(country)
  if (!parsed.success) return { ok: false, fieldErrors: { country: "Choose your country" } }
  const result = await setBuyerDetails({ country: parsed.data }, session.token)
  return result.ok ? { ok: true, totals: totalsOf(result.value) } : failed(result.status, result.message)
}

/** Saves the signed-in buyer's details on their cart and starts a payment with one provider. */
async function startPaymentFor(
  input: BuyerInput,
  providerId: string,
): Promise<{ ok: true; token: string; cart: Cart; data: Record<string, unknown> } | CheckoutFailure> {
  const session = await currentSession()
  if (!session) return { ok: false, signIn: true }
  const parsed = Buyer.safeParse(input)
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) }
  const updated = await setBuyerDetails(parsed.data, session.token)
  if (!updated.ok) return failed(updated.status, updated.message)
  if (updated.value.lines.length === 0) return { ok: false, expired: true, error: "Your cart is empty." }
  const started = await startPayment(updated.value, providerId, session.token)
  if (!started.ok) return failed(started.status, started.message)
  return { ok: true, token: session.token, cart: updated.value, data: started.value }
}

/**
 * Pay was pressed: save the buyer's details on the cart and start a Stripe payment for its total
 * as it is now. Returns the PaymentIntent's client secret for the Payment Element to confirm.
 */
export async function preparePaymentAction(input: BuyerInput): Promise<{ ok: true; clientSecret: string; totals: Totals } | CheckoutFailure> {
  const started = await startPaymentFor(input, "pp_stripe_stripe")
  if (!started.ok) return started
  const clientSecret = started.data.client_secret
  if (typeof clientSecret !== "string") return { ok: false, error: "The payment could not be started. Please try again." }
  return { ok: true, clientSecret, totals: totalsOf(started.cart) }
}

/** Stripe confirmed the payment: turn the cart into the order (or find the one the webhook made). */
export async function completeOrderAction(): Promise<{ ok: true; orderId: string } | CheckoutFailure> {
  const session = await currentSession()
  if (!session) return { ok: false, signIn: true }
  // By id, not through getCart: a cart the webhook already completed answers with its order.
  const cartId = await currentCartId()
  if (!cartId) return { ok: false, error: "We couldn't find your cart. Your order, if paid, is in your account." }
  const done = await completeCart(cartId, session.token)
  return done.ok ? done : failed(done.status, done.message)
}

/**
 * Development and test only: pay with Medusa's system provider (no card, no money). The backend
 * offers that provider nowhere else, and this refuses outside development and test as well.
 */
export async function testPaymentAction(input: BuyerInput): Promise<{ ok: true; orderId: string } | CheckoutFailure> {
  if (!allowsTestPayments(env())) return { ok: false, error: "Test payments are switched off here." }
  // The backend accepts the system provider only in development and test, too.
  const started = await startPaymentFor(input, "pp_system_default")
  if (!started.ok) return started
  const done = await completeCart(started.cart.id, started.token)
  return done.ok ? done : failed(done.status, done.message)
}
