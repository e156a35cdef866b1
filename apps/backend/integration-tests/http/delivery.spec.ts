import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { zipSync, strToU8 } from "fflate"
import { createHash } from "node:crypto"
import { startSentryStandIn, type SentryStandIn } from "@vespertene/monitoring/stand-in"
import repairEntitlements from "../../src/jobs/repair-entitlements"
import { flushReports } from "../../src/lib/monitoring"
import { DIGITAL_FILE_MODULE } from "../../src/modules/digital-file"
import { EmailOutbox } from "../../src/modules/resend/outbox"
import type DigitalFileModuleService from "../../src/modules/digital-file/service"
import { SEED_PRODUCTS } from "../../src/seed/catalogue"
import { createAdmin, seedShop } from "../../src/seed/seed-shop"
import { revokeRefundedEntitlementsWorkflow } from "../../src/workflows/delivery/workflows/revoke-refunded-entitlements"
import { grantOrderEntitlementsWorkflow } from "../../src/workflows/delivery/workflows/grant-order-entitlements"
import { until } from "../helpers/poll"
import { storeClient } from "../helpers/shop"

jest.setTimeout(180_000)

// A small cap, and a per-customer rate high enough not to be what the cap test measures.
// Error reports go to a local Sentry ingest stand-in, started before the app reads its settings.
const TEST_ENV: Record<string, string> = { DOWNLOAD_CAP_PER_ENTITLEMENT: "5", DOWNLOAD_RATE_LIMIT_PER_CUSTOMER: "1000" }
let sentry: SentryStandIn
beforeAll(async () => {
  sentry = await startSentryStandIn()
  TEST_ENV.SENTRY_DSN = sentry.dsn
  Object.assign(process.env, TEST_ENV)
})
afterAll(async () => {
  for (const key of Object.keys(TEST_ENV)) delete process.env[key]
  await sentry.stop()
})

type SentryEvent = { tags?: Record<string, string>; exception?: { values?: Array<{ value?: string }> }; request?: { url?: string; headers?: Record<string, string> } }

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: ReturnType<typeof storeClient>
    let australiaId: string
    const files = () => getContainer().resolve<DigitalFileModuleService>(DIGITAL_FILE_MODULE)

    const staff = { email: "staff@vespertene.test", password: "a-long-staff-password" }
    const adminHeaders = async () => {
      const { data } = await api.post("/auth/user/emailpass", staff)
      return { headers: { authorization: `Bearer ${data.token}` } }
    }

    beforeAll(async () => {
      await createAdmin(getContainer(), staff)
      const { publishableKey } = await seedShop(getContainer())
      shop = storeClient(api, publishableKey)
      const { data } = await api.get("/store/regions", { headers: shop.headers() })
      australiaId = data.regions.find((r: { name: string }) => r.name === "Australia").id
    })

    /** Polls (bounded) until the order's entitlements exist: the order.placed subscriber is asynchronous. */
    const entitlementsOf = (orderId: string, count = 1) =>
      until(() => files().listEntitlements({ order_id: orderId }), (found) => found.length >= count)

    const purchase = async (email: string, product = SEED_PRODUCTS[0]!) => {
      const token = await shop.signUp(email)
      const { completed } = await shop.buy(token, product.handle, australiaId, "au")
      expect(completed.type).toBe("order")
      const [entitlement] = await entitlementsOf(completed.order.id)
      return { token, order: completed.order, entitlement: entitlement! }
    }

    const download = (token: string | undefined, downloadToken: string) =>
      api.get(`/store/downloads/${downloadToken}`, {
        headers: shop.headers(token),
        maxRedirects: 0,
        validateStatus: () => true,
      })

    it("grants one entitlement per order line with a random UUID token, even when order.placed arrives twice", async () => {
      const { token, order, entitlement } = await purchase("twice@example.com")
      expect(entitlement.token).toMatch(UUID_V4)
      const { data: me } = await api.get("/store/customers/me", { headers: shop.headers(token) })
      expect(entitlement.customer_id).toBe(me.customer.id)
      expect(entitlement.status).toBe("active")

      const events = getContainer().resolve(Modules.EVENT_BUS)
      await Promise.all([
        events.emit({ name: "order.placed", data: { id: order.id } }),
        events.emit({ name: "order.placed", data: { id: order.id } }),
      ])
      const raced = await Promise.all(
        Array.from({ length: 5 }, () => grantOrderEntitlementsWorkflow(getContainer()).run({ input: { order_id: order.id } })),
      )
      expect(raced.flatMap((r) => r.result)).toEqual([])
      expect(await files().listEntitlements({ order_id: order.id })).toHaveLength(1)

      // One order confirmation, with the stable storefront link, however often the event came.
      const outbox = new EmailOutbox(process.env.EMAIL_OUTBOX_DIR!)
      const confirmations = () => outbox.list("twice@example.com").filter((e) => e.template === "order-confirmation")
      const deadline = Date.now() + 10_000
      while (confirmations().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
      const notifications = getContainer().resolve(Modules.NOTIFICATION)
      const sent = await notifications.listNotifications({ to: "twice@example.com" })
      expect(sent.filter((n) => n.template === "order-confirmation")).toHaveLength(1)
      expect(confirmations()).toHaveLength(1)
      expect(confirmations()[0]!.text).toContain(`http://localhost:3000/downloads/${entitlement.token}`)
      expect(confirmations()[0]!.text).toContain("$19.99")
      expect(confirmations()[0]!.text).not.toMatch(/X-Amz-Signature/)
    })

    it("shows an order only to the customer who placed it: signed out 401, anyone else the same 404 as no order", async () => {
      const { token, order } = await purchase("order-owner@example.com")
      const other = await shop.signUp("order-snoop@example.com")
      const get = (id: string, bearer?: string) =>
        api.get(`/store/orders/${id}?fields=id,email,*items`, { headers: shop.headers(bearer), validateStatus: () => true })

      const own = await get(order.id, token)
      expect(own.status).toBe(200)
      expect(own.data.order).toMatchObject({ id: order.id, email: "order-owner@example.com" })

      expect((await get(order.id)).status).toBe(401)
      const snooped = await get(order.id, other)
      const missing = await get("order_01NOSUCHORDER0000000000000", other)
      expect(snooped.status).toBe(404)
      expect(missing.status).toBe(404)
      expect(JSON.stringify(snooped.data)).not.toContain("order-owner@example.com")
      expect(snooped.data.type).toBe(missing.data.type)

      // The customer's own list never held it either.
      const { data: list } = await api.get(`/store/orders?id=${order.id}`, { headers: shop.headers(other) })
      expect(list.orders).toEqual([])
    })

    it("redirects the owner to a 15-minute presigned URL whose bytes hash to the stored SHA-256", async () => {
      const { token, entitlement } = await purchase("owner@example.com")
      const res = await download(token, entitlement.token)
      expect(res.status).toBe(302)
      expect(res.headers["cache-control"]).toBe("no-store")
      const location = new URL(res.headers.location)
      expect(location.searchParams.get("X-Amz-Expires")).toBe("900")

      const file = await fetch(location)
      expect(file.status).toBe(200)
      const seeded = SEED_PRODUCTS[0]!
      expect(file.headers.get("content-disposition")).toContain(`attachment; filename="${seeded.archiveName}"`)
      const bytes = Buffer.from(await file.arrayBuffer())
      const [stored] = await files().listDigitalFiles({ id: entitlement.digital_file_id })
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(stored!.sha256)
      expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK")

      const [logged] = await files().listDownloadEvents({ entitlement_id: entitlement.id })
      expect(logged?.ip_hash).toMatch(/^[0-9a-f]{32}$/)
    })

    it("refuses the URL once expired or tampered with, and anonymous reads of the bucket", async () => {
      const { entitlement } = await purchase("expiry@example.com")
      const [stored] = await files().listDigitalFiles({ id: entitlement.digital_file_id })
      const file = { name: stored!.file_name, contentType: stored!.content_type }
      const bucket = files().privateBucket

      const expired = await bucket.presignDownload(stored!.storage_key, file, 900, new Date(Date.now() - 16 * 60 * 1000))
      expect((await fetch(expired)).status).toBe(403)

      const fresh = new URL(await bucket.presignDownload(stored!.storage_key, file, 900))
      const signature = fresh.searchParams.get("X-Amz-Signature")!
      fresh.searchParams.set("X-Amz-Signature", (signature[0] === "a" ? "b" : "a") + signature.slice(1))
      expect((await fetch(fresh)).status).toBe(403)

      const anonymous = await fetch(`${process.env.S3_ENDPOINT}/${process.env.S3_PRIVATE_BUCKET}/${stored!.storage_key}`)
      expect(anonymous.status).toBe(403)
    })

    it("answers someone else's, unknown and malformed tokens with the same 404, and a signed-out request with 401", async () => {
      const { entitlement } = await purchase("alice@example.com")
      const bob = await shop.signUp("bob@example.com")
      const answers = await Promise.all([
        download(bob, entitlement.token),
        download(bob, "7d3c3b4e-2f4a-4b7e-9c1d-0a1b2c3d4e5f"),
        download(bob, "not-a-token"),
        download(bob, "1"),
      ])
      for (const answer of answers) {
        expect(answer.status).toBe(404)
        expect(answer.data).toEqual(answers[0]!.data)
      }
      expect((await download(undefined, entitlement.token)).status).toBe(401)
    })

    it("tells the owner a revoked token is gone (410) and still tells anyone else 404", async () => {
      const { token, entitlement } = await purchase("revoked@example.com")
      await files().updateEntitlements({ id: entitlement.id, status: "revoked", revoked_at: new Date(), revoked_reason: "refund" })
      const owner = await download(token, entitlement.token)
      expect(owner.status).toBe(410)
      expect(owner.data.message).toMatch(/withdrawn/)
      const stranger = await shop.signUp("stranger@example.com")
      expect((await download(stranger, entitlement.token)).status).toBe(404)
    })

    it("lets 50 concurrent downloads through a cap of 5 exactly 5 times", async () => {
      const { token, entitlement } = await purchase("eager@example.com")
      const answers = await Promise.all(Array.from({ length: 50 }, () => download(token, entitlement.token)))
      expect(answers.filter((a) => a.status === 302)).toHaveLength(5)
      expect(answers.filter((a) => a.status === 429)).toHaveLength(45)
      expect(answers.find((a) => a.status === 429)?.data.message).toMatch(/downloaded 5 times/)
      const [after] = await files().listEntitlements({ id: entitlement.id })
      expect(after?.download_count).toBe(5)
    })

    it("reports a failing download to Sentry with its order id, and no cookie, token or email address", async () => {
      const email = "reported@example.com"
      const { token, order, entitlement } = await purchase(email)
      const bucket = files().privateBucket
      const presign = bucket.presignDownload
      bucket.presignDownload = async () => {
        throw new Error(`Signing ${entitlement.token} for ${email} failed`)
      }
      sentry.clear()
      try {
        const res = await api.get(`/store/downloads/${entitlement.token}?email=${encodeURIComponent(email)}`, {
          headers: { ...shop.headers(token), cookie: `_medusa_jwt=${token}; _vespertene_cart=cart_01SECRET` },
          maxRedirects: 0,
          validateStatus: () => true,
        })
        // The buyer sees a generic error, never the internals.
        expect(res.status).toBe(500)
        expect(JSON.stringify(res.data)).not.toContain("Signing")
      } finally {
        bucket.presignDownload = presign
      }
      await flushReports()
      const [event] = (await until(async () => sentry.events(), (events) => events.length > 0)) as SentryEvent[]
      expect(event!.tags).toMatchObject({ area: "download", order_id: order.id })
      expect(event!.exception?.values?.[0]?.value).toBe("Signing [token] for [email] failed")
      expect(event!.request?.url).toBe("/store/downloads/[token]")
      expect(event!.request?.headers).not.toHaveProperty("cookie")
      expect(event!.request?.headers).not.toHaveProperty("authorization")
      const sent = sentry.envelopes().map((envelope) => envelope.raw).join("\n")
      for (const secret of [entitlement.token, token, email, encodeURIComponent(email), "cart_01SECRET"]) {
        expect(sent).not.toContain(secret)
      }
      // A 4xx is the caller's mistake, not ours: nothing is reported.
      sentry.clear()
      expect((await download(token, "00000000-0000-4000-8000-000000000000")).status).toBe(404)
      await flushReports()
      expect(sentry.events()).toEqual([])
    })

    it("reports a failed fulfilment with its order id, and the repair job still delivers it", async () => {
      const email = "fulfilment@example.com"
      const token = await shop.signUp(email)
      const service = files()
      const grant = service.grantEntitlements
      service.grantEntitlements = async () => {
        throw new Error(`Database unavailable while granting for ${email}`)
      }
      sentry.clear()
      let orderId: string
      try {
        const { completed } = await shop.buy(token, SEED_PRODUCTS[1]!.handle, australiaId, "au")
        orderId = completed.order.id
        await until(
          async () => (await flushReports(), sentry.events() as SentryEvent[]),
          (events) => events.some((event) => event.tags?.order_id === orderId),
        )
      } finally {
        service.grantEntitlements = grant
      }
      const event = (sentry.events() as SentryEvent[]).find((e) => e.tags?.order_id === orderId)!
      expect(event.tags).toMatchObject({ area: "fulfilment", order_id: orderId })
      expect(event.exception?.values?.[0]?.value).toBe("Database unavailable while granting for [email]")
      expect(JSON.stringify(sentry.envelopes())).not.toContain(email)
      expect(await service.listEntitlements({ order_id: orderId })).toHaveLength(0)

      await repairEntitlements(getContainer())
      expect(await service.listEntitlements({ order_id: orderId })).toHaveLength(1)
    })

    it("lists the customer's downloads library, and only theirs", async () => {
      const { token, entitlement } = await purchase("library@example.com", SEED_PRODUCTS[2]!)
      const { data } = await api.get("/store/customers/me/downloads", { headers: shop.headers(token) })
      expect(data.downloads).toEqual([
        expect.objectContaining({
          token: entitlement.token,
          product_title: SEED_PRODUCTS[2]!.title,
          file_name: SEED_PRODUCTS[2]!.archiveName,
          status: "active",
          download_count: 0,
          version: 1,
        }),
      ])
      expect(data.downloads[0].size).toBeGreaterThan(1000)
      const other = await shop.signUp("library-other@example.com")
      expect((await api.get("/store/customers/me/downloads", { headers: shop.headers(other) })).data.downloads).toEqual([])

      // One order's files, for its order page: only that order's, and only for its buyer.
      const { completed } = await shop.buy(token, SEED_PRODUCTS[3]!.handle, australiaId, "au")
      await entitlementsOf(completed.order.id)
      const ofOrder = (orderQuery: string, bearer = token) =>
        api.get(`/store/customers/me/downloads?${orderQuery}`, { headers: shop.headers(bearer), validateStatus: () => true })
      expect((await api.get("/store/customers/me/downloads", { headers: shop.headers(token) })).data.downloads).toHaveLength(2)
      const first = await ofOrder(`order_id=${entitlement.order_id}`)
      expect(first.data.downloads.map((d: { token: string }) => d.token)).toEqual([entitlement.token])
      expect((await ofOrder(`order_id=${entitlement.order_id}`, other)).data.downloads).toEqual([])
      for (const bad of ["order_id=", "order_id=a&order_id=b"]) {
        const refused = await ofOrder(bad)
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe("order_id must be one order's id.")
      }
    })

    it("repairs an order whose entitlements went missing", async () => {
      const { order, entitlement } = await purchase("repair@example.com")
      await files().deleteEntitlements(entitlement.id)
      expect(await files().listEntitlements({ order_id: order.id })).toHaveLength(0)
      await repairEntitlements(getContainer())
      const repaired = await files().listEntitlements({ order_id: order.id })
      expect(repaired).toHaveLength(1)
      expect(repaired[0]!.token).not.toBe(entitlement.token)
    })

    it("sells one copy of a product per order line", async () => {
      const token = await shop.signUp("one-copy@example.com")
      const h = { headers: shop.headers(token), validateStatus: () => true }
      const { data: list } = await api.get(`/store/products?handle=${SEED_PRODUCTS[0]!.handle}&fields=id,variants.id`, h)
      const variantId = list.products[0].variants[0].id
      const { data: created } = await api.post("/store/carts", { region_id: australiaId }, h)
      const cartId = created.cart.id

      const two = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 2 }, h)
      expect(two.status).toBe(400)
      expect(two.data.message).toMatch(/quantity is always 1/)
      const one = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 1 }, h)
      expect(one.status).toBe(200)
      const again = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 1 }, h)
      expect(again.status).toBe(400)
      expect(again.data.message).toMatch(/already in your cart/)
      const lineId = one.data.cart.items[0].id
      const more = await api.post(`/store/carts/${cartId}/line-items/${lineId}`, { quantity: 3 }, h)
      expect(more.status).toBe(400)
      const { data: cart } = await api.get(`/store/carts/${cartId}`, h)
      expect(cart.cart.items).toHaveLength(1)
      expect(cart.cart.items[0].quantity).toBe(1)
    })

    it("revokes a refunded line when staff refund it in the admin, not for a small goodwill refund", async () => {
      const { token, order, entitlement } = await purchase("refunded@example.com")
      const admin = await adminHeaders()
      const { data } = await api.get(`/admin/orders/${order.id}?fields=id,*payment_collections,*payment_collections.payments`, admin)
      const payment = data.order.payment_collections[0].payments[0]
      if (!payment.captured_at) await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)

      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 1 }, admin)
      const { result: partial } = await revokeRefundedEntitlementsWorkflow(getContainer()).run({ input: { payment_id: payment.id } })
      expect(partial.revoked).toEqual([])
      expect((await download(token, entitlement.token)).status).toBe(302)

      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 18.99 }, admin)
      const deadline = Date.now() + 20_000
      let status = "active"
      while (status === "active" && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        status = (await files().listEntitlements({ id: entitlement.id }))[0]!.status
      }
      expect(status).toBe("revoked")
      expect((await download(token, entitlement.token)).status).toBe(410)
      const [revoked] = await files().listEntitlements({ id: entitlement.id })
      expect(revoked!.revoked_reason).toMatch(/^Refunded/)
    })

    it("shows staff the download log and lets them revoke, reinstate and resend", async () => {
      const { token, order, entitlement } = await purchase("staff-view@example.com")
      const admin = await adminHeaders()
      expect((await download(token, entitlement.token)).status).toBe(302)

      const { data: before } = await api.get(`/admin/orders/${order.id}/entitlements`, admin)
      expect(before.download_limit).toBe(5)
      expect(before.entitlements).toHaveLength(1)
      expect(before.entitlements[0]).toMatchObject({ id: entitlement.id, status: "active", download_count: 1 })
      expect(before.entitlements[0].downloads).toHaveLength(1)
      expect(JSON.stringify(before)).not.toContain(entitlement.token)

      await api.post(`/admin/entitlements/${entitlement.id}/revoke`, { reason: "Chargeback" }, admin)
      expect((await download(token, entitlement.token)).status).toBe(410)
      const { data: revoked } = await api.get(`/admin/orders/${order.id}/entitlements`, admin)
      expect(revoked.entitlements[0]).toMatchObject({ status: "revoked", revoked_reason: "Chargeback" })

      const outbox = new EmailOutbox(process.env.EMAIL_OUTBOX_DIR!)
      const confirmations = () => outbox.list("staff-view@example.com").filter((e) => e.template === "order-confirmation")
      const first = Date.now() + 10_000
      while (confirmations().length < 1 && Date.now() < first) await new Promise((resolve) => setTimeout(resolve, 100))
      // Nothing the customer may download: the email is not sent again, and staff are told why.
      const refused = await api.post(`/admin/orders/${order.id}/resend-downloads`, {}, { ...admin, validateStatus: () => true })
      expect(refused.status).toBe(409)
      expect(refused.data.message).toMatch(/Reinstate one to send the email/)
      expect(confirmations()).toHaveLength(1)

      await api.post(`/admin/entitlements/${entitlement.id}/reinstate`, {}, admin)
      expect((await download(token, entitlement.token)).status).toBe(302)

      const { data: resent } = await api.post(`/admin/orders/${order.id}/resend-downloads`, {}, admin)
      expect(resent).toEqual({ sent: 1, to: "staff-view@example.com" })
      expect(confirmations()).toHaveLength(2)

      // Unknown downloads are a 404, and options nobody asked for a 400: nothing changes.
      const loose = { ...admin, validateStatus: () => true }
      for (const action of ["revoke", "reinstate", "reset-downloads"]) {
        expect((await api.post(`/admin/entitlements/ent_01NOSUCHDOWNLOAD000000000/${action}`, {}, loose)).status).toBe(404)
      }
      expect((await api.post(`/admin/entitlements/${entitlement.id}/reinstate`, { reason: "x" }, loose)).status).toBe(400)
    })

    it("lets staff give a customer who reached the download limit their downloads back, keeping the log", async () => {
      const { token, order, entitlement } = await purchase("limit-reset@example.com")
      const admin = await adminHeaders()
      for (let i = 0; i < 5; i++) expect((await download(token, entitlement.token)).status).toBe(302)
      const limited = await download(token, entitlement.token)
      expect(limited.status).toBe(429)
      expect(limited.data.type).toBe("download_limit_reached")

      const { data: reset } = await api.post(`/admin/entitlements/${entitlement.id}/reset-downloads`, {}, admin)
      expect(reset).toEqual({ id: entitlement.id, download_count: 0 })
      expect((await download(token, entitlement.token)).status).toBe(302)
      const { data } = await api.get(`/admin/orders/${order.id}/entitlements`, admin)
      expect(data.entitlements[0]).toMatchObject({ download_count: 1 })
      expect(data.entitlements[0].downloads).toHaveLength(6)
    })

    it("refuses an upload for a variant that does not exist, before any link or record", async () => {
      const admin = { ...(await adminHeaders()), validateStatus: () => true }
      const filesBefore = (await files().listDigitalFiles({}, { select: ["id"] })).length
      const upload = await api.post("/admin/variants/variant_01NOSUCHVARIANT0000000000/digital-file/uploads", { file_name: "x.zip" }, admin)
      expect(upload.status).toBe(404)
      expect(upload.data.upload_url).toBeUndefined()
      const version = await api.post(
        "/admin/variants/variant_01NOSUCHVARIANT0000000000/digital-file/versions",
        { storage_key: "variants/variant_01NOSUCHVARIANT0000000000/x/x.zip", file_name: "x.zip" },
        admin,
      )
      expect(version.status).toBe(404)
      expect(await files().listDigitalFiles({}, { select: ["id"] })).toHaveLength(filesBefore)

      // A real variant, but nothing was uploaded at that key: a 400 that says what to do.
      const { data: list } = await api.get(`/store/products?handle=${SEED_PRODUCTS[1]!.handle}&fields=id,variants.id`, { headers: shop.headers() })
      const variantId = list.products[0].variants[0].id
      const missing = await api.post(
        `/admin/variants/${variantId}/digital-file/versions`,
        { storage_key: `variants/${variantId}/never-uploaded/x.zip`, file_name: "x.zip" },
        admin,
      )
      expect(missing.status).toBe(400)
      expect(missing.data.message).toBe("The uploaded file did not arrive in storage. Please upload it again.")
    })

    it("takes a new file version straight into the bucket, measures it, serves it, and keeps the old one", async () => {
      const seeded = SEED_PRODUCTS[4]!
      const { token, entitlement } = await purchase("versions@example.com", seeded)
      const admin = await adminHeaders()
      const { data: list } = await api.get(`/store/products?handle=${seeded.handle}&fields=id,variants.id`, { headers: shop.headers() })
      const productId = list.products[0].id
      const variantId = list.products[0].variants[0].id
      const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex")
      const downloaded = async () => {
        const res = await download(token, entitlement.token)
        expect(res.status).toBe(302)
        return sha(Buffer.from(await (await fetch(res.headers.location)).arrayBuffer()))
      }
      const original = await downloaded()

      const v2 = Buffer.from(zipSync({ "README.txt": strToU8("Version two of the coastline recordings.\n") }))
      const { data: upload } = await api.post(`/admin/variants/${variantId}/digital-file/uploads`, { file_name: "coastline-v2.zip" }, admin)
      const put = await fetch(upload.upload_url, { method: "PUT", body: v2, headers: { "content-type": "application/zip" } })
      expect(put.status).toBe(200)
      const { data: added } = await api.post(
        `/admin/variants/${variantId}/digital-file/versions`,
        { storage_key: upload.storage_key, file_name: "coastline-v2.zip" },
        admin,
      )
      expect(added.version).toMatchObject({ number: 2, sha256: sha(v2), size: v2.length })
      expect(await downloaded()).toBe(sha(v2))

      const { data: files } = await api.get(`/admin/products/${productId}/digital-files`, admin)
      const file = files.variants[0].digital_file
      expect(file.current_version).toBe(2)
      expect(file.versions.map((v: { number: number }) => v.number)).toEqual([2, 1])
      const first = file.versions.find((v: { number: number }) => v.number === 1)
      expect(first.sha256).toBe(original)

      await api.post(`/admin/digital-files/${file.id}/current`, { version_id: first.id }, admin)
      expect(await downloaded()).toBe(original)

      const refused = { ...admin, validateStatus: () => true }
      expect((await api.post(`/admin/variants/${variantId}/digital-file/uploads`, { file_name: "../../etc/passwd" }, refused)).status).toBe(400)
      // An upload made for this variant cannot become another (real) variant's file.
      const { data: other } = await api.get(`/store/products?handle=${SEED_PRODUCTS[0]!.handle}&fields=id,variants.id`, { headers: shop.headers() })
      const otherVariant = await api.post(
        `/admin/variants/${other.products[0].variants[0].id}/digital-file/versions`,
        { storage_key: upload.storage_key, file_name: "coastline-v2.zip" },
        refused,
      )
      expect(otherVariant.status).toBe(400)
      expect(otherVariant.data.message).toBe("That upload was not made for this variant")
    })
  },
})
