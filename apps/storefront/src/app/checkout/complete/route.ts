import { completeCart, currentCartId } from "@/lib/medusa/cart"
import { currentSession } from "@/lib/session"

/**
 * Where Stripe sends the buyer back after a payment method that leaves the page (a bank or
 * wallet redirect). Completes the cart like the in-page path; Medusa answers with the same order
 * if Stripe's webhook got there first. Locations are relative (the request's own host).
 */
export async function GET(request: Request) {
  const status = new URL(request.url).searchParams.get("redirect_status")
  const go = (location: string) => new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } })
  const session = await currentSession()
  if (!session) return go("/sign-in?next=/account")
  if (status && status !== "succeeded") return go("/checkout?payment=failed")
  const cartId = await currentCartId()
  if (!cartId) return go("/account")
  const done = await completeCart(cartId, session.token)
  return go(done.ok ? `/order/${done.orderId}/confirmed` : "/checkout?payment=pending")
}
