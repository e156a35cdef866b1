import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createHash } from "node:crypto"
import repairEntitlements from "../../src/jobs/repair-entitlements"
import { DIGITAL_FILE_MODULE } from "../../src/modules/digital-file"
import { EmailOutbox } from "../../src/modules/resend/outbox"
import type DigitalFileModuleService from "../../src/modules/digital-file/service"
import { SEED_PRODUCTS } from "../../src/seed/catalogue"
import { seedShop } from "../../src/seed/seed-shop"
import { grantOrderEntitlementsWorkflow } from "../../src/workflows/delivery/workflows/grant-order-entitlements"
import { storeClient } from "../helpers/shop"

jest.setTimeout(180_000)

// A small cap, and a per-customer rate high enough not to be what the cap test measures.
const TEST_ENV = { DOWNLOAD_CAP_PER_ENTITLEMENT: "5", DOWNLOAD_RATE_LIMIT_PER_CUSTOMER: "1000" }
beforeAll(() => {
  Object.assign(process.env, TEST_ENV)
})
afterAll(() => {
  for (const key of Object.keys(TEST_ENV)) delete process.env[key]
})

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: ReturnType<typeof storeClient>
    let australiaId: string
    const files = () => getContainer().resolve<DigitalFileModuleService>(DIGITAL_FILE_MODULE)

    beforeAll(async () => {
      const { publishableKey } = await seedShop(getContainer())
      shop = storeClient(api, publishableKey)
      const { data } = await api.get("/store/regions", { headers: shop.headers() })
      australiaId = data.regions.find((r: { name: string }) => r.name === "Australia").id
    })

    /** Polls (bounded) until the order's entitlements exist: the order.placed subscriber is asynchronous. */
    const entitlementsOf = async (orderId: string, count = 1) => {
      const deadline = Date.now() + 20_000
      for (;;) {
        const found = await files().listEntitlements({ order_id: orderId })
        if (found.length >= count || Date.now() > deadline) return found
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }

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
      const sent = await notifications.listNotifications({ idempotency_key: `order-confirmation:${order.id}` })
      expect(sent).toHaveLength(1)
      expect(confirmations()).toHaveLength(1)
      expect(confirmations()[0]!.text).toContain(`http://localhost:3000/downloads/${entitlement.token}`)
      expect(confirmations()[0]!.text).toContain("$19.99")
      expect(confirmations()[0]!.text).not.toMatch(/X-Amz-Signature/)
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
        }),
      ])
      expect(data.downloads[0].size).toBeGreaterThan(1000)
      const other = await shop.signUp("library-other@example.com")
      expect((await api.get("/store/customers/me/downloads", { headers: shop.headers(other) })).data.downloads).toEqual([])
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
  },
})
