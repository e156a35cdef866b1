import { type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { customerClaims } from "../../lib/customer-token"
import { allowsTestPayments, backendEnv } from "../../lib/env"

const STRIPE = "pp_stripe_stripe"
const TEST_PAYMENT = "pp_system_default"

/** The customer a bearer token signs in, or null for a visitor (or any other kind of token). */
function signedInCustomer(req: MedusaRequest): string | null {
  const header = req.headers.authorization
  if (!header?.toLowerCase().startsWith("bearer ")) return null
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const claims = customerClaims<{ actor_id?: string }>(header, http)
  return claims?.actor_id || null
}

async function cartOfCollection(req: MedusaRequest, collectionId: string): Promise<string | undefined> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart_payment_collection",
    fields: ["cart_id"],
    filters: { payment_collection_id: collectionId },
  })
  return (data[0] as { cart_id?: string } | undefined)?.cart_id
}

/**
 * Downloads belong to an account, so only a signed-in customer may start paying, and only for
 * their own cart: checked before a payment collection or session exists, so before any money
 * moves (a visitor is asked to sign in first; the cart is kept and moved to their account).
 */
export async function paymentsNeedAnAccount(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as { cart_id?: unknown; provider_id?: unknown; data?: unknown }
  if (req.params.id) {
    // The shop sets how a payment is taken (capture, methods); Medusa would pass a caller's
    // `data` straight to Stripe (e.g. capture_method: manual, an order that is never paid).
    if (body.data !== undefined) {
      res.status(400).json({ type: "invalid_data", message: "Payment options are set by the shop: send only provider_id." })
      return
    }
    const allowed = allowsTestPayments(backendEnv()) ? [STRIPE, TEST_PAYMENT] : [STRIPE]
    if (typeof body.provider_id !== "string" || !allowed.includes(body.provider_id)) {
      res.status(400).json({ type: "invalid_data", message: `provider_id must be one of: ${allowed.join(", ")}.` })
      return
    }
  }
  const customerId = signedInCustomer(req)
  if (!customerId) {
    res.status(401).json({ type: "unauthorized", message: "Sign in or create an account to pay: your downloads are kept in it." })
    return
  }
  const cartId = req.params.id ? await cartOfCollection(req, req.params.id) : typeof body.cart_id === "string" ? body.cart_id : undefined
  if (!cartId) return next() // Medusa answers a missing cart or collection itself.
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "customer_id"], filters: { id: cartId } })
  const cart = data[0] as { customer_id?: string | null } | undefined
  if (cart && cart.customer_id !== customerId) {
    res.status(403).json({ type: "not_allowed", message: "This cart is not linked to your account: add it to your account before paying." })
    return
  }
  next()
}
