import "server-only"
import { cookies } from "next/headers"
import { redirect } from "next/navigation"
import { env } from "@/env"
import { CATALOGUE_TAG } from "./catalogue"
import { call, type Result } from "./customer"
import { CART_FIELDS, reshapeCart, splitName, type Cart, type RawCart } from "./cart-shape"
import { sdk } from "./sdk"

/**
 * The cart, kept in Medusa; its id lives in an HttpOnly cookie. A second, readable cookie holds
 * only the number of lines, so the header's cart link needs no request. Every call passes the
 * signed-in customer's token when there is one (the cart belongs to their account).
 */

export const CART_COOKIE = "_vespertene_cart"
export const CART_COUNT_COOKIE = "vespertene_cart_count"
const THIRTY_DAYS = 60 * 60 * 24 * 30
export const HOME_COUNTRY = "au"

export type Country = { code: string; name: string; regionId: string }

/** Every country the shop sells to, with its region (cached like the catalogue). */
export async function listCountries(): Promise<Country[]> {
  const { regions } = await sdk.client.fetch<{
    regions: Array<{ id: string; countries?: Array<{ iso_2: string; display_name?: string | null; name?: string | null }> }>
  }>("/store/regions", {
    query: { fields: "id,*countries" },
    cache: "force-cache",
    next: { tags: [CATALOGUE_TAG, "regions"], revalidate: env().CATALOGUE_REVALIDATE_SECONDS },
  })
  return regions
    .flatMap((r) => (r.countries ?? []).map((c) => ({ code: c.iso_2, name: c.display_name || c.name || c.iso_2.toUpperCase(), regionId: r.id })))
    .sort((a, b) => (a.code === HOME_COUNTRY ? -1 : b.code === HOME_COUNTRY ? 1 : a.name.localeCompare(b.name)))
}

async function cookieOptions() {
  const { APP_ENV } = env()
  return { sameSite: "lax" as const, secure: APP_ENV === "staging" || APP_ENV === "production", path: "/", maxAge: THIRTY_DAYS }
}

async function remember(cart: Cart | null) {
  const jar = await cookies()
  if (!cart) {
    jar.delete(CART_COOKIE)
    jar.delete(CART_COUNT_COOKIE)
    return
  }
  const options = await cookieOptions()
  jar.set(CART_COOKIE, cart.id, { ...options, httpOnly: true })
  jar.set(CART_COUNT_COOKIE, String(cart.lines.length), { ...options, httpOnly: false })
}

export async function forgetCart() {
  await remember(null)
}

const withFields = (path: string) => `${path}${path.includes("?") ? "&" : "?"}fields=${encodeURIComponent(CART_FIELDS)}`

async function cartCall(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<Result<Cart>> {
  const result = await call<{ cart: RawCart }>(withFields(path), init)
  return result.ok ? { ok: true, value: reshapeCart(result.value.cart) } : result
}

/** The cart id this browser holds, if it looks like one. */
export async function currentCartId(): Promise<string | null> {
  const id = (await cookies()).get(CART_COOKIE)?.value
  return id && /^cart_[0-9A-Za-z]+$/.test(id) ? id : null
}

/** Whether the browser still holds cart cookies (to clear them when the cart is gone). */
export async function holdsCartCookies(): Promise<boolean> {
  const jar = await cookies()
  return jar.has(CART_COOKIE) || jar.has(CART_COUNT_COOKIE)
}

/**
 * The visitor's open cart, or null (none, expired, or already turned into an order), as a
 * result: actions answer a backend failure inline rather than failing the whole page.
 */
async function findCart(token?: string): Promise<Result<Cart | null>> {
  const id = await currentCartId()
  if (!id) return { ok: true, value: null }
  const result = await call<{ cart: RawCart }>(withFields(`/store/carts/${id}`), { token })
  if (!result.ok) {
    // Signed in, but the backend ended the session (a password changed elsewhere): the cart is
    // still theirs, so it is not forgotten; they sign in again.
    if (result.status === 401 && token) return { ok: false, status: 401, message: SESSION_ENDED }
    if (result.status === 404 || result.status === 401 || result.status === 403) return { ok: true, value: null }
    return result
  }
  if (result.value.cart.completed_at) return { ok: true, value: null }
  return { ok: true, value: reshapeCart(result.value.cart) }
}

export const SESSION_ENDED = "Your session has ended. Please sign in again."

/**
 * The same for pages (`here` is the page's path): an ended session goes to sign in and back,
 * any other failure to the page's error boundary.
 */
export async function getCart(token: string | undefined, here: string): Promise<Cart | null> {
  const found = await findCart(token)
  if (!found.ok && found.status === 401) redirect(`/sign-in?expired=1&next=${encodeURIComponent(here)}`)
  if (!found.ok) throw new Error(`Could not load the cart (${found.status})`)
  return found.value
}

/** The cart an action changes: a missing one is a 404 ("expired"), like any other failure. */
async function openCart(token?: string): Promise<Result<Cart>> {
  const found = await findCart(token)
  if (!found.ok) return found
  return found.value ? { ok: true, value: found.value } : { ok: false, status: 404, message: "Your cart has expired." }
}

async function createCart(token?: string): Promise<Result<Cart>> {
  const home = (await listCountries()).find((c) => c.code === HOME_COUNTRY)
  return cartCall("/store/carts", {
    method: "POST",
    token,
    body: { ...(home ? { region_id: home.regionId } : {}), shipping_address: { country_code: HOME_COUNTRY }, billing_address: { country_code: HOME_COUNTRY } },
  })
}

export type AddOutcome = { ok: true; cart: Cart; alreadyInCart: boolean } | { ok: false; message: string }

export async function addToCart(variantId: string, token?: string): Promise<AddOutcome> {
  const found = await findCart(token)
  if (!found.ok) return { ok: false, message: found.status === 401 ? SESSION_ENDED : "We couldn't reach your cart just now. Please try again." }
  let cart = found.value
  if (cart?.lines.some((line) => line.variantId === variantId)) return { ok: true, cart, alreadyInCart: true }
  if (!cart) {
    const created = await createCart(token)
    if (!created.ok) return { ok: false, message: "We couldn't start a cart. Please try again." }
    cart = created.value
  }
  const added = await cartCall(`/store/carts/${cart.id}/line-items`, { method: "POST", token, body: { variant_id: variantId, quantity: 1 } })
  if (!added.ok) {
    if (/already in your cart/i.test(added.message)) return { ok: true, cart, alreadyInCart: true }
    return { ok: false, message: added.status === 404 || added.status === 400 ? "This product can't be bought right now." : "We couldn't add it. Please try again." }
  }
  await remember(added.value)
  return { ok: true, cart: added.value, alreadyInCart: false }
}

export async function removeLine(lineId: string, token?: string): Promise<Result<Cart>> {
  const open = await openCart(token)
  if (!open.ok) return open
  const cart = open.value
  const result = await call<{ parent: RawCart }>(withFields(`/store/carts/${cart.id}/line-items/${encodeURIComponent(lineId)}`), { method: "DELETE", token })
  if (!result.ok) return result
  const updated = reshapeCart(result.value.parent)
  await remember(updated)
  return { ok: true, value: updated }
}

export async function applyPromoCode(code: string, token?: string): Promise<Result<Cart>> {
  const open = await openCart(token)
  if (!open.ok) return open
  const cart = open.value
  const result = await cartCall(`/store/carts/${cart.id}/promotions`, { method: "POST", token, body: { promo_codes: [code] } })
  if (result.ok && !result.value.promoCodes.some((c) => c.toLowerCase() === code.toLowerCase())) {
    return { ok: false, status: 400, message: `The code ${code} doesn't apply to what's in your cart.` }
  }
  return result
}

export async function removePromoCode(code: string, token?: string): Promise<Result<Cart>> {
  const open = await openCart(token)
  if (!open.ok) return open
  const cart = open.value
  return cartCall(`/store/carts/${cart.id}/promotions`, { method: "DELETE", token, body: { promo_codes: [code] } })
}

/**
 * After sign-in: a visitor's cart becomes the customer's (Medusa's cart transfer). Only a cart
 * that belongs to nobody moves: one left behind by another account on this browser does not.
 * Returns false when the browser's cart cannot be theirs (the caller forgets it, where cookies
 * may change).
 */
export async function moveCartToCustomer(token: string, customerId: string): Promise<boolean> {
  const id = await currentCartId()
  if (!id) return true
  const current = await call<{ cart: RawCart }>(withFields(`/store/carts/${id}`), { token })
  if (!current.ok || current.value.cart.completed_at) return false
  const owner = current.value.cart.customer_id ?? null
  if (owner === customerId) return true
  if (owner) return false
  const moved = await cartCall(`/store/carts/${id}/customer`, { method: "POST", token })
  return moved.ok
}

/**
 * The buyer's details go where Medusa reads them: its tax calculation uses the cart's address
 * country, so the billing country is the shipping country too (there is nothing to ship).
 * A country in another region moves the cart there, which reprices it (GST-free abroad).
 */
export async function setBuyerDetails(
  details: { email?: string; name?: string; country: string },
  token: string,
): Promise<Result<Cart>> {
  const open = await openCart(token)
  if (!open.ok) return open
  const cart = open.value
  const country = (await listCountries()).find((c) => c.code === details.country)
  if (!country) return { ok: false, status: 400, message: "We don't sell to that country yet." }
  const names = details.name ? splitName(details.name) : {}
  const address = { country_code: country.code, ...names }
  return cartCall(`/store/carts/${cart.id}`, {
    method: "POST",
    token,
    body: {
      ...(country.regionId !== cart.regionId ? { region_id: country.regionId } : {}),
      ...(details.email ? { email: details.email } : {}),
      shipping_address: address,
      billing_address: address,
    },
  })
}

type RawCollection = { id: string; payment_sessions?: Array<{ id: string; provider_id: string; data?: Record<string, unknown> }> }

/** Starts a payment for the cart's current total with one provider; returns its session data. */
export async function startPayment(cart: Cart, providerId: string, token: string): Promise<Result<Record<string, unknown>>> {
  const collection = await call<{ payment_collection: RawCollection }>("/store/payment-collections", {
    method: "POST",
    token,
    body: { cart_id: cart.id },
  })
  if (!collection.ok) return collection
  const session = await call<{ payment_collection: RawCollection }>(
    `/store/payment-collections/${collection.value.payment_collection.id}/payment-sessions`,
    { method: "POST", token, body: { provider_id: providerId } },
  )
  if (!session.ok) return session
  const created = session.value.payment_collection.payment_sessions?.find((s) => s.provider_id === providerId)
  if (!created) return { ok: false, status: 500, message: "The payment could not be started." }
  return { ok: true, value: created.data ?? {} }
}

/** Payment providers the cart's region offers. */
export async function paymentProviders(regionId: string): Promise<string[]> {
  const result = await call<{ payment_providers: Array<{ id: string }> }>(`/store/payment-providers?region_id=${encodeURIComponent(regionId)}`)
  return result.ok ? result.value.payment_providers.map((p) => p.id) : []
}

export type Completion = { ok: true; orderId: string } | { ok: false; status: number; message: string }

/** Turns the paid cart into an order (Medusa answers with the same order if the webhook was first). */
export async function completeCart(cartId: string, token: string): Promise<Completion> {
  const result = await call<{ type: "order"; order: { id: string } } | { type: "cart"; error?: { message?: string } }>(
    `/store/carts/${cartId}/complete`,
    { method: "POST", token },
  )
  if (!result.ok) return result
  if (result.value.type !== "order") return { ok: false, status: 402, message: result.value.error?.message ?? "The payment was not completed." }
  await forgetCart()
  return { ok: true, orderId: result.value.order.id }
}
