import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { updateRegionsWorkflow } from "@medusajs/medusa/core-flows"
import paymentWebhookHandler from "@medusajs/medusa/subscribers/payment-webhook"
import { startStripeStandIn, type StripeStandIn } from "@vespertene/stripe-stand-in"
import completePaidCarts from "../../src/jobs/complete-paid-carts"
import { BILLING_MODULE } from "../../src/modules/billing"
import { refuseTestPayments } from "../../src/modules/billing/loaders/refuse-test-payments"
import type BillingModuleService from "../../src/modules/billing/service"
import { DIGITAL_FILE_MODULE } from "../../src/modules/digital-file"
import type DigitalFileModuleService from "../../src/modules/digital-file/service"
import { SEED_PRODUCTS } from "../../src/seed/catalogue"
import { createAdmin, paymentProviders, seedShop, syncPaymentProviders } from "../../src/seed/seed-shop"
import stripeRefundsAndDisputes from "../../src/subscribers/stripe-refunds-and-disputes"
import { until } from "../helpers/poll"
import { storeClient } from "../helpers/shop"

jest.setTimeout(180_000)

// Medusa's own Stripe provider, pointed at the local Stripe stand-in: a test key, APP_ENV=test
// (src/lib/env.ts refuses STRIPE_API_BASE anywhere else). Set before the runner loads the config.
const WEBHOOK_SECRET = "whsec_integration0123456789abcdef"
let stripe: StripeStandIn
const testEnv = (url: string): Record<string, string> => ({
  STRIPE_API_KEY: "sk_test_integration0123456789",
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  STRIPE_API_BASE: url,
  PAYMENT_WEBHOOK_DELAY_MS: "20",
})

beforeAll(async () => {
  stripe = await startStripeStandIn({ webhookSecret: WEBHOOK_SECRET, webhookUrl: null })
  Object.assign(process.env, testEnv(stripe.url))
})
afterAll(async () => {
  for (const key of Object.keys(testEnv(""))) delete process.env[key]
  await stripe?.stop()
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: ReturnType<typeof storeClient>
    let australiaId: string
    const staff = { email: "staff@vespertene.test", password: "a-long-staff-password" }
    const files = () => getContainer().resolve<DigitalFileModuleService>(DIGITAL_FILE_MODULE)
    const billing = () => getContainer().resolve<BillingModuleService>(BILLING_MODULE)
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const webhookUrl = () => `${String(api.defaults.baseURL).replace("localhost", "127.0.0.1")}/hooks/payment/stripe_stripe`

    beforeAll(async () => {
      await createAdmin(getContainer(), staff)
      const { publishableKey } = await seedShop(getContainer())
      shop = storeClient(api, publishableKey)
      const { data } = await api.get("/store/regions", { headers: shop.headers() })
      australiaId = data.regions.find((r: { name: string }) => r.name === "Australia").id
    })
    afterEach(() => stripe.setWebhookUrl(null))

    /** A signed-in customer's cart with one product and a Stripe payment session, as the checkout makes it. */
    const startCheckout = async (
      email: string,
      product = SEED_PRODUCTS[0]!,
      more: { products?: typeof SEED_PRODUCTS; country?: string; promo?: string } = {},
    ) => {
      const token = await shop.signUp(email)
      const h = { headers: shop.headers(token) }
      const country = more.country ?? "au"
      const { data: regions } = await api.get("/store/regions?fields=id,*countries", h)
      const regionId = regions.regions.find((r: { countries: Array<{ iso_2: string }> }) => r.countries.some((c) => c.iso_2 === country)).id
      const address = { country_code: country, first_name: "Test", last_name: "Buyer" }
      const { data: created } = await api.post("/store/carts", { region_id: regionId, email, shipping_address: address, billing_address: address }, h)
      const cartId = created.cart.id as string
      for (const item of more.products ?? [product]) {
        const { data: list } = await api.get(`/store/products?handle=${item.handle}&fields=id,variants.id`, h)
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: list.products[0].variants[0].id, quantity: 1 }, h)
      }
      if (more.promo) await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: [more.promo] }, h)
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, h)
      const { data: withSession } = await api.post(
        `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_stripe_stripe" },
        h,
      )
      const session = withSession.payment_collection.payment_sessions[0]
      return { token, cartId, sessionId: session.id as string, intentId: session.data.id as string, clientSecret: session.data.client_secret as string }
    }

    /** What the Payment Element does in the buyer's browser: confirm with a card, straight to Stripe. */
    const confirmInBrowser = async (intentId: string, clientSecret: string, card = "4242424242424242") => {
      const body = new URLSearchParams({
        key: "pk_test_integration",
        client_secret: clientSecret,
        "payment_method_data[type]": "card",
        "payment_method_data[card][number]": card,
        "payment_method_data[card][exp_month]": "12",
        "payment_method_data[card][exp_year]": "2034",
        "payment_method_data[card][cvc]": "123",
      })
      const res = await fetch(`${stripe.url}/v1/payment_intents/${intentId}/confirm`, { method: "POST", body })
      return { status: res.status, body: (await res.json()) as Record<string, any> }
    }

    /** Medusa's webhook subscriber, run as the event bus runs it after POST /hooks/payment/stripe_stripe. */
    const deliverToMedusa = (signed: { payload: string; header: string }) =>
      paymentWebhookHandler({
        event: {
          name: "payment.webhook_received",
          data: {
            provider: "stripe_stripe",
            payload: { data: JSON.parse(signed.payload), rawData: Buffer.from(signed.payload), headers: { "stripe-signature": signed.header } },
          },
        },
        container: getContainer(),
      } as never)
    const deliverToProject = (signed: { payload: string; header: string }) =>
      stripeRefundsAndDisputes({
        event: {
          name: "payment.webhook_received",
          data: { provider: "stripe_stripe", payload: { rawData: Buffer.from(signed.payload), headers: { "stripe-signature": signed.header } } },
        },
        container: getContainer(),
      } as never)

    const ordersOfCart = async (cartId: string) => {
      const { data } = await query().graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      return data as Array<{ order_id: string }>
    }
    const emails = (to: string, template: string) =>
      getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to, template })

    it("makes one order, one set of entitlements and one email from the browser's completion racing 20 webhook deliveries", async () => {
      const email = "race@example.com"
      const { token, cartId, intentId, clientSecret } = await startCheckout(email)
      const confirmed = await confirmInBrowser(intentId, clientSecret)
      expect(confirmed.body.status).toBe("succeeded")

      const succeeded = stripe.signedEvent("payment_intent.succeeded", stripe.paymentIntent(intentId)!)
      const deliveries = Array.from({ length: 20 }, () => deliverToMedusa(succeeded))
      const browser = api.post(`/store/carts/${cartId}/complete`, {}, { headers: shop.headers(token), validateStatus: () => true })
      const [completion] = await Promise.all([browser, Promise.allSettled(deliveries)])
      expect(completion.status).toBe(200)

      const orders = await ordersOfCart(cartId)
      expect(orders).toHaveLength(1)
      expect(completion.data.order?.id ?? orders[0]!.order_id).toBe(orders[0]!.order_id)
      const entitlements = await until(() => files().listEntitlements({ order_id: orders[0]!.order_id }), (e) => e.length > 0)
      expect(entitlements).toHaveLength(1)
      const sent = await until(() => emails(email, "order-confirmation"), (n) => n.length > 0)
      expect(sent).toHaveLength(1)
      // Delivered again later, the event still changes nothing.
      await deliverToMedusa(succeeded).catch(() => undefined)
      expect(await ordersOfCart(cartId)).toHaveLength(1)
      expect(await emails(email, "order-confirmation")).toHaveLength(1)
    })

    it("completes the order from the webhook alone, through POST /hooks/payment/stripe_stripe", async () => {
      stripe.setWebhookUrl(webhookUrl())
      const email = "closed-tab@example.com"
      const { cartId, intentId, clientSecret } = await startCheckout(email)
      expect((await confirmInBrowser(intentId, clientSecret)).body.status).toBe("succeeded")
      // The buyer closed the tab: nobody completes the cart but Stripe's webhook.
      const orders = await until(() => ordersOfCart(cartId), (o) => o.length > 0)
      expect(orders).toHaveLength(1)
      expect(await until(() => files().listEntitlements({ order_id: orders[0]!.order_id }), (e) => e.length > 0)).toHaveLength(1)
      expect(await until(() => emails(email, "order-confirmation"), (n) => n.length > 0)).toHaveLength(1)
    })

    it("ignores a webhook whose signature does not verify: no order, nothing changed", async () => {
      const { cartId, sessionId, intentId } = await startCheckout("forged@example.com")
      stripe.succeedSilently(intentId)
      const forged = stripe.signedEvent("payment_intent.succeeded", stripe.paymentIntent(intentId)!, { secret: "whsec_not_the_shops_secret" })
      await expect(deliverToMedusa(forged)).rejects.toThrow(/signature/i)
      await deliverToProject(forged)
      expect(await ordersOfCart(cartId)).toHaveLength(0)
      const [session] = await getContainer().resolve(Modules.PAYMENT).listPaymentSessions({ id: sessionId })
      expect(session!.status).toBe("pending")
      const { data: carts } = await query().graph({ entity: "cart", fields: ["completed_at"], filters: { id: cartId } })
      expect(carts[0]!.completed_at).toBeNull()
      expect(await billing().listPaymentIncidents({ payment_intent_id: intentId })).toHaveLength(0)
    })

    it("refuses to start a payment for a visitor's cart, or for someone else's, before anything is created", async () => {
      const { data: list } = await api.get(`/store/products?handle=${SEED_PRODUCTS[1]!.handle}&fields=id,variants.id`, { headers: shop.headers() })
      const { data: created } = await api.post("/store/carts", { region_id: australiaId, email: "visitor@example.com" }, { headers: shop.headers() })
      const cartId = created.cart.id
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: list.products[0].variants[0].id, quantity: 1 }, { headers: shop.headers() })

      const anonymous = await api.post("/store/payment-collections", { cart_id: cartId }, { headers: shop.headers(), validateStatus: () => true })
      expect(anonymous.status).toBe(401)
      expect(anonymous.data.message).toMatch(/sign in or create an account/i)
      const stranger = await shop.signUp("stranger@example.com")
      const other = await api.post("/store/payment-collections", { cart_id: cartId }, { headers: shop.headers(stranger), validateStatus: () => true })
      expect(other.status).toBe(403)
      const { data } = await query().graph({ entity: "cart", fields: ["payment_collection.id"], filters: { id: cartId } })
      expect((data[0] as { payment_collection?: unknown }).payment_collection ?? null).toBeNull()

      // The owner may start a payment, but not choose how Stripe takes it (e.g. never capturing).
      const owner = await shop.signUp("owner-options@example.com")
      const { data: own } = await api.post("/store/carts", { region_id: australiaId }, { headers: shop.headers(owner) })
      await api.post(`/store/carts/${own.cart.id}/line-items`, { variant_id: list.products[0].variants[0].id, quantity: 1 }, { headers: shop.headers(owner) })
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: own.cart.id }, { headers: shop.headers(owner) })
      const sessions = `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`
      const manual = await api.post(sessions, { provider_id: "pp_stripe_stripe", data: { capture_method: "manual" } }, { headers: shop.headers(owner), validateStatus: () => true })
      expect(manual.status).toBe(400)
      expect(manual.data.message).toMatch(/set by the shop/)
      const unknown = await api.post(sessions, { provider_id: "pp_stripe_ideal" }, { headers: shop.headers(owner), validateStatus: () => true })
      expect(unknown.status).toBe(400)
      const requestsBefore = stripe.requests.length
      const fine = await api.post(sessions, { provider_id: "pp_stripe_stripe" }, { headers: shop.headers(owner) })
      expect(fine.data.payment_collection.payment_sessions[0].status).toBe("pending")
      // What the shop asked Stripe for: automatic capture, cards only (wallets are cards).
      const asked = stripe.requests.slice(requestsBefore).filter((r) => r.method === "POST" && r.path === "/v1/payment_intents")
      expect(asked.map((r) => [r.body.capture_method, r.body.payment_method_types, r.body.automatic_payment_methods])).toEqual([
        ["automatic", ["card"], undefined],
      ])
      expect(stripe.requests.filter((r) => r.path === "/v1/payment_intents" && r.method === "POST")).toHaveLength(
        stripe.paymentIntents().length,
      )
    })

    it("turns a succeeded payment whose webhook was lost into an order with the scheduled job", async () => {
      const email = "lost-webhook@example.com"
      const { cartId, intentId, clientSecret } = await startCheckout(email)
      expect((await confirmInBrowser(intentId, clientSecret)).body.status).toBe("succeeded")
      // Within the grace period the job leaves the cart to the browser.
      expect(await completePaidCarts(getContainer())).toEqual({ completed: 0 })
      const later = new Date(Date.now() + 3 * 60 * 1000)
      expect(await completePaidCarts(getContainer(), later)).toEqual({ completed: 1 })
      const orders = await ordersOfCart(cartId)
      expect(orders).toHaveLength(1)
      expect(await until(() => files().listEntitlements({ order_id: orders[0]!.order_id }), (e) => e.length > 0)).toHaveLength(1)
      expect(await until(() => emails(email, "order-confirmation"), (n) => n.length > 0)).toHaveLength(1)
      // A second run finds nothing left to do.
      expect(await completePaidCarts(getContainer(), later)).toEqual({ completed: 0 })
    })

    /** A paid order, completed by the browser. */
    const paidOrder = async (email: string, product = SEED_PRODUCTS[0]!, more: Parameters<typeof startCheckout>[2] = {}) => {
      const checkout = await startCheckout(email, product, more)
      await confirmInBrowser(checkout.intentId, checkout.clientSecret)
      const { data } = await api.post(`/store/carts/${checkout.cartId}/complete`, {}, { headers: shop.headers(checkout.token) })
      expect(data.type).toBe("order")
      const [entitlement] = await until(() => files().listEntitlements({ order_id: data.order.id }), (e) => e.length > 0)
      return { ...checkout, orderId: data.order.id as string, entitlement: entitlement! }
    }

    it("records a refund made in Stripe on the order, revokes the download and emails once, even when delivered twice", async () => {
      const email = "stripe-refund@example.com"
      const { intentId, orderId, entitlement } = await paidOrder(email)
      stripe.setWebhookUrl(webhookUrl())
      const { refund, charge } = await stripe.refundFromDashboard(intentId)

      const incidents = await until(() => billing().listPaymentIncidents({ stripe_id: refund.id }), (i) => i.length > 0)
      expect(incidents[0]).toMatchObject({ kind: "refund", order_id: orderId, amount: SEED_PRODUCTS[0]!.priceCents, currency_code: "AUD" })
      const [revoked] = await until(() => files().listEntitlements({ id: entitlement.id }), ([e]) => e?.status === "revoked")
      expect(revoked!.status).toBe("revoked")
      expect(revoked!.revoked_reason).toContain(refund.id)
      expect(await until(() => emails(email, "refund-notice"), (n) => n.length > 0)).toHaveLength(1)

      await deliverToProject(stripe.signedEvent("charge.refunded", charge))
      expect(await billing().listPaymentIncidents({ stripe_id: refund.id })).toHaveLength(1)
      expect(await emails(email, "refund-notice")).toHaveLength(1)

      // Staff see it on the order page.
      const { data: login } = await api.post("/auth/user/emailpass", staff)
      const { data: listed } = await api.get(`/admin/orders/${orderId}/payment-incidents`, { headers: { authorization: `Bearer ${login.token}` } })
      expect(listed.payment_incidents).toEqual([
        expect.objectContaining({ kind: "refund", stripe_id: refund.id, status: "succeeded", amount_display: "$19.99" }),
      ])
    })

    it("takes back every download on a full refund, even when the discounted line totals round to a cent more than the order", async () => {
      // International prices are ex-GST (44.55 and 35.45); 10 % off gives lines of 40.095 and 31.905.
      const email = "rounding@example.com"
      const products = [SEED_PRODUCTS[1]!, SEED_PRODUCTS[3]!]
      const { intentId, orderId } = await paidOrder(email, products[0], { products, country: "nz", promo: "LAUNCH10" })
      const lines = await until(() => files().listEntitlements({ order_id: orderId }), (e) => e.length === 2)
      expect(stripe.paymentIntent(intentId)!.amount).toBe(7200)
      stripe.setWebhookUrl(webhookUrl())
      await stripe.refundFromDashboard(intentId)
      const after = await until(
        () => files().listEntitlements({ id: lines.map((l) => l.id) }),
        (e) => e.every((l) => l.status === "revoked"),
      )
      expect(after.map((l) => l.status)).toEqual(["revoked", "revoked"])
      expect(await until(() => emails(email, "refund-notice"), (n) => n.length > 0)).toHaveLength(1)
    })

    it("leaves a cart open when its payment was refunded before any order existed", async () => {
      const { cartId, intentId, clientSecret } = await startCheckout("refunded-early@example.com")
      expect((await confirmInBrowser(intentId, clientSecret)).body.status).toBe("succeeded")
      await stripe.refundFromDashboard(intentId)
      expect(await completePaidCarts(getContainer(), new Date(Date.now() + 3 * 60 * 1000))).toEqual({ completed: 0 })
      expect(await ordersOfCart(cartId)).toHaveLength(0)
    })

    it("pauses the downloads of a disputed payment, emails once, and gives them back when the dispute is won", async () => {
      const email = "dispute@example.com"
      const { intentId, orderId, entitlement } = await paidOrder(email)
      stripe.setWebhookUrl(webhookUrl())
      const dispute = await stripe.openDispute(intentId)

      const [incident] = await until(() => billing().listPaymentIncidents({ stripe_id: dispute.id }), (i) => i.length > 0)
      expect(incident).toMatchObject({ kind: "dispute", order_id: orderId, status: "needs_response" })
      await until(() => files().listEntitlements({ id: entitlement.id }), ([e]) => e?.status === "revoked")
      expect(await until(() => emails(email, "dispute-notice"), (n) => n.length > 0)).toHaveLength(1)
      await deliverToProject(stripe.signedEvent("charge.dispute.created", dispute))
      expect(await emails(email, "dispute-notice")).toHaveLength(1)

      // Staff answered in Stripe's dashboard: the order page says so; the downloads stay paused.
      await deliverToProject(stripe.signedEvent("charge.dispute.updated", { ...dispute, status: "under_review" }))
      expect((await billing().listPaymentIncidents({ stripe_id: dispute.id }))[0]!.status).toBe("under_review")
      expect((await files().listEntitlements({ id: entitlement.id }))[0]!.status).toBe("revoked")
      // An update that already carries the outcome is left to the closing event, which gives access back.
      await deliverToProject(stripe.signedEvent("charge.dispute.updated", { ...dispute, status: "won" }))
      expect((await billing().listPaymentIncidents({ stripe_id: dispute.id }))[0]!.status).toBe("under_review")

      stripe.setWebhookUrl(null)
      await deliverToProject(stripe.signedEvent("charge.dispute.closed", await stripe.closeDispute(dispute.id, "won")))
      const [back] = await files().listEntitlements({ id: entitlement.id })
      expect(back!.status).toBe("active")
      expect((await billing().listPaymentIncidents({ stripe_id: dispute.id }))[0]!.status).toBe("won")
      // An update Stripe delivers late does not reopen it.
      await deliverToProject(stripe.signedEvent("charge.dispute.updated", { ...dispute, status: "under_review" }))
      expect((await billing().listPaymentIncidents({ stripe_id: dispute.id }))[0]!.status).toBe("won")
    })

    it("announces a refund made in the admin once, though Stripe reports it again", async () => {
      const email = "admin-refund@example.com"
      const { intentId, orderId, entitlement } = await paidOrder(email)
      const { data: login } = await api.post("/auth/user/emailpass", staff)
      const admin = { headers: { authorization: `Bearer ${login.token}` } }
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,*payment_collections,*payment_collections.payments`, admin)
      const payment = data.order.payment_collections[0].payments[0]
      expect(payment.captured_at).not.toBeNull()

      await api.post(`/admin/payments/${payment.id}/refund`, {}, admin)
      expect(await until(() => emails(email, "refund-notice"), (n) => n.length > 0)).toHaveLength(1)
      await until(() => files().listEntitlements({ id: entitlement.id }), ([e]) => e?.status === "revoked")
      // Medusa refunded through Stripe's API; Stripe now reports that refund with charge.refunded.
      const charge = stripe.paymentIntent(intentId)!.latest_charge as string
      const refundEvent = stripe.signedEvent("charge.refunded", stripe.charge(charge)!)
      await deliverToProject(refundEvent)
      expect(await billing().listPaymentIncidents({ payment_intent_id: intentId })).toHaveLength(1)
      expect(await emails(email, "refund-notice")).toHaveLength(1)
    })

    it("keeps Medusa's test payment out of staging and production: a backend there refuses to start with it on a region", async () => {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      // The test shop offers both Stripe and the test payment on both regions.
      expect(paymentProviders()).toEqual(["pp_stripe_stripe", "pp_system_default"])
      await expect(refuseTestPayments(pg, "test")).resolves.toBeUndefined()
      await expect(refuseTestPayments(pg, "production")).rejects.toThrow(
        /APP_ENV=production with Medusa's test payment provider \(pp_system_default\) enabled on the region\(s\) "Australia", "International"/,
      )
      // With only Stripe on the regions (what the seed does there), it starts.
      const { data: regions } = await query().graph({ entity: "region", fields: ["id"] })
      await updateRegionsWorkflow(getContainer()).run({
        input: { selector: { id: regions.map((r) => r.id) }, update: { payment_providers: ["pp_stripe_stripe"] } },
      })
      await expect(refuseTestPayments(pg, "production")).resolves.toBeUndefined()
      await syncPaymentProviders(getContainer())
      await expect(refuseTestPayments(pg, "staging")).rejects.toThrow(/pp_system_default/)
    })
  },
})
