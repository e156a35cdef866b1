/**
 * The store API as a buyer's client uses it, for setting up the benchmark's customers, orders
 * and download tokens (Medusa's test payment: the bench backend runs with APP_ENV=test).
 */
export type Shop = { backend: string; publishableKey: string }

async function call<T>(shop: Shop, path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
  const res = await fetch(`${shop.backend}${path}`, {
    method: init.method ?? "GET",
    headers: {
      "content-type": "application/json",
      "x-publishable-api-key": shop.publishableKey,
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  })
  if (res.status >= 300) throw new Error(`${init.method ?? "GET"} ${path} answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as T
}

export type Customer = { email: string; password: string; token: string }

export async function registerCustomer(shop: Shop, email: string, password: string): Promise<Customer> {
  const { token: registration } = await call<{ token: string }>(shop, "/auth/customer/emailpass/register", {
    method: "POST",
    body: { email, password },
  })
  await call(shop, "/store/customers", { method: "POST", token: registration, body: { email, first_name: "Bench", last_name: "Buyer" } })
  const { token } = await call<{ token: string }>(shop, "/auth/customer/emailpass", { method: "POST", body: { email, password } })
  return { email, password, token }
}

export type Catalogue = { australiaId: string; variants: Array<{ handle: string; variantId: string }> }

export async function catalogue(shop: Shop): Promise<Catalogue> {
  const { regions } = await call<{ regions: Array<{ id: string; name: string }> }>(shop, "/store/regions")
  const { products } = await call<{ products: Array<{ handle: string; variants: Array<{ id: string }> }> }>(
    shop,
    "/store/products?limit=50&fields=handle,variants.id",
  )
  return {
    australiaId: regions.find((r) => r.name === "Australia")!.id,
    variants: products.map((p) => ({ handle: p.handle, variantId: p.variants[0]!.id })),
  }
}

/** One order for one product, paid with Medusa's test payment; returns the order id. */
export async function placeOrder(shop: Shop, customer: Customer, cat: Catalogue, variantId: string): Promise<string> {
  const address = { country_code: "au", first_name: "Bench", last_name: "Buyer" }
  const { cart } = await call<{ cart: { id: string } }>(shop, "/store/carts", {
    method: "POST",
    token: customer.token,
    body: { region_id: cat.australiaId, email: customer.email, shipping_address: address, billing_address: address },
  })
  await call(shop, `/store/carts/${cart.id}/line-items`, { method: "POST", token: customer.token, body: { variant_id: variantId, quantity: 1 } })
  const { payment_collection } = await call<{ payment_collection: { id: string } }>(shop, "/store/payment-collections", {
    method: "POST",
    token: customer.token,
    body: { cart_id: cart.id },
  })
  await call(shop, `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    method: "POST",
    token: customer.token,
    body: { provider_id: "pp_system_default" },
  })
  const done = await call<{ type: string; order?: { id: string } }>(shop, `/store/carts/${cart.id}/complete`, { method: "POST", token: customer.token })
  if (done.type !== "order" || !done.order) throw new Error(`cart ${cart.id} did not become an order`)
  return done.order.id
}

/** The customer's download tokens, from their library. */
export async function downloadTokens(shop: Shop, customer: Customer): Promise<string[]> {
  const { downloads } = await call<{ downloads: Array<{ token: string }> }>(shop, "/store/customers/me/downloads", { token: customer.token })
  return downloads.map((d) => d.token)
}

/** Runs `work` over `items` with at most `concurrency` in flight. */
export async function inParallel<T, R>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index]!, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  return results
}
