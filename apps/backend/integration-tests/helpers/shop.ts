/* eslint-disable @typescript-eslint/no-explicit-any */
/** The runner's HTTP client (axios), as these helpers use it. */
export type Api = {
  get(url: string, config?: Record<string, unknown>): Promise<{ status: number; data: any; headers: any }>
  post(url: string, body?: unknown, config?: Record<string, unknown>): Promise<{ status: number; data: any; headers: any }>
}

/** A customer and their orders, through the store API as the storefront makes them. */
export function storeClient(api: Api, publishableKey: string) {
  const headers = (token?: string) => ({
    "x-publishable-api-key": publishableKey,
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  })

  async function signUp(email: string, password = "a-good-long-password") {
    const { data: registered } = await api.post("/auth/customer/emailpass/register", { email, password })
    await api.post("/store/customers", { email, first_name: "Test", last_name: "Buyer" }, { headers: headers(registered.token) })
    const { data: login } = await api.post("/auth/customer/emailpass", { email, password })
    return login.token as string
  }

  /** Buys one product (system payment provider) and returns the completed order. */
  async function buy(token: string, handle: string, regionId: string, country: string) {
    const h = { headers: headers(token) }
    const { data: list } = await api.get(`/store/products?handle=${handle}&fields=id,variants.id`, h)
    const variantId = list.products[0].variants[0].id
    const address = { country_code: country, first_name: "Test", last_name: "Buyer" }
    const { data: created } = await api.post(
      "/store/carts",
      { region_id: regionId, shipping_address: address, billing_address: address },
      h,
    )
    const cartId = created.cart.id
    const { data: withItem } = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 1 }, h)
    const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, h)
    await api.post(`/store/payment-collections/${collection.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, h)
    const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, h)
    return { cart: withItem.cart, completed }
  }

  return { headers, signUp, buy }
}
