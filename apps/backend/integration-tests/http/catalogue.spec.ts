import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { exclusiveFromInclusive } from "@vespertene/money/gst"
import { fromMedusaAmount, toMedusaAmount } from "@vespertene/money/medusa"
import { DIGITAL_FILE_MODULE } from "../../src/modules/digital-file"
import type DigitalFileModuleService from "../../src/modules/digital-file/service"
import { SEED_PRODUCTS } from "../../src/seed/catalogue"
import { bootstrapShop } from "../../src/scripts/bootstrap"
import { createAdmin, seedShop } from "../../src/seed/seed-shop"

jest.setTimeout(180_000)

type Region = { id: string; name: string }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let regions: { australia: Region; international: Region }

    const store = () => ({ headers: { "x-publishable-api-key": publishableKey } })

    beforeAll(async () => {
      const result = await seedShop(getContainer())
      publishableKey = result.publishableKey
      const { data } = await api.get("/store/regions", store())
      regions = {
        australia: data.regions.find((r: Region) => r.name === "Australia"),
        international: data.regions.find((r: Region) => r.name === "International"),
      }
    })

    const listProducts = async (regionId: string, country: string, fields: string) =>
      (await api.get(`/store/products?limit=50&region_id=${regionId}&country_code=${country}&fields=${fields}`, store()))
        .data.products as any[]

    describe("the seeded catalogue", () => {
      it("lists every seeded product at its GST-inclusive AUD price for Australian buyers", async () => {
        const products = await listProducts(regions.australia.id, "au", "handle,title,*variants.calculated_price")
        expect(products.map((p) => p.handle).sort()).toEqual(SEED_PRODUCTS.map((p) => p.handle).sort())
        for (const seeded of SEED_PRODUCTS) {
          const price = products.find((p) => p.handle === seeded.handle).variants[0].calculated_price
          expect(price.currency_code).toBe("aud")
          expect(fromMedusaAmount(price.calculated_amount_with_tax, "aud")).toBe(seeded.priceCents)
          const gst = seeded.priceCents - fromMedusaAmount(price.calculated_amount_without_tax, "aud")
          expect(gst).toBe(seeded.priceCents - exclusiveFromInclusive(seeded.priceCents))
        }
      })

      it("prices the same products GST-free for buyers abroad", async () => {
        const products = await listProducts(regions.international.id, "nz", "handle,*variants.calculated_price")
        for (const seeded of SEED_PRODUCTS) {
          const price = products.find((p) => p.handle === seeded.handle).variants[0].calculated_price
          const exGst = exclusiveFromInclusive(seeded.priceCents)
          expect(fromMedusaAmount(price.calculated_amount_with_tax, "aud")).toBe(exGst)
          expect(fromMedusaAmount(price.calculated_amount_without_tax, "aud")).toBe(exGst)
        }
      })

      it("gives every product an image in the public bucket that anyone can load", async () => {
        const products = await listProducts(regions.australia.id, "au", "handle,thumbnail")
        for (const product of products) {
          const res = await fetch(product.thumbnail)
          expect(res.status).toBe(200)
          expect(res.headers.get("content-type")).toBe("image/png")
          const bytes = Buffer.from(await res.arrayBuffer())
          expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG")
        }
      })

      it("shows each file's name and size but never its storage key", async () => {
        const products = await listProducts(
          regions.australia.id,
          "au",
          "handle,variants.digital_file.file_name,variants.digital_file.size,variants.digital_file.storage_key,*variants.digital_file",
        )
        for (const product of products) {
          const file = product.variants[0].digital_file
          expect(file.file_name).toMatch(/\.zip$/)
          expect(file.size).toBeGreaterThan(1000)
          expect(file).not.toHaveProperty("storage_key")
        }
      })

      it("keeps a real ZIP in the private bucket whose size and SHA-256 match the record, and refuses anonymous reads", async () => {
        const container = getContainer()
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const { data: files } = await query.graph({
          entity: "digital_file",
          fields: ["storage_key", "size", "sha256", "file_name"],
        })
        expect(files).toHaveLength(SEED_PRODUCTS.length)
        const service: DigitalFileModuleService = container.resolve(DIGITAL_FILE_MODULE)
        for (const file of files) {
          const stored = await service.privateBucket.describe(file.storage_key)
          expect(stored.sha256).toBe(file.sha256)
          expect(stored.size).toBe(Number(file.size))

          const anonymous = await fetch(`${process.env.S3_ENDPOINT}/${process.env.S3_PRIVATE_BUCKET}/${file.storage_key}`)
          expect(anonymous.status).toBe(403)
          expect(await anonymous.text()).toContain("AccessDenied")
        }
        for (const file of files) expect(file.sha256).toMatch(/^[0-9a-f]{64}$/)
      })

      it("seeds only once", async () => {
        const again = await seedShop(getContainer())
        expect(again.seeded).toBe(false)
        expect(again.publishableKey).toBe(publishableKey)
        const { data } = await api.get("/store/products?limit=50&fields=id", store())
        expect(data.count).toBe(SEED_PRODUCTS.length)
      })
    })

    describe("buying a digital product", () => {
      const email = "buyer@example.com"
      const password = "correct horse battery staple"

      const signedInCustomer = async () => {
        const { data: registered } = await api.post("/auth/customer/emailpass/register", { email, password })
        await api.post(
          "/store/customers",
          { email, first_name: "Ada", last_name: "Buyer" },
          { headers: { ...store().headers, authorization: `Bearer ${registered.token}` } },
        )
        const { data: login } = await api.post("/auth/customer/emailpass", { email, password })
        return { ...store().headers, authorization: `Bearer ${login.token}` }
      }

      const buy = async (handle: string, region: Region, country: string) => {
        const headers = await signedInCustomer()
        const { data: list } = await api.get(`/store/products?handle=${handle}&fields=id,variants.id`, { headers })
        const variantId = list.products[0].variants[0].id
        const { data: created } = await api.post(
          "/store/carts",
          {
            region_id: region.id,
            email,
            // Medusa reads the tax country from the shipping address; a download has no other address.
            shipping_address: { country_code: country, first_name: "Ada", last_name: "Buyer" },
            billing_address: { country_code: country, first_name: "Ada", last_name: "Buyer" },
          },
          { headers },
        )
        const cartId = created.cart.id
        const { data: withItem } = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 1 }, { headers })
        const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
        await api.post(
          `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
          { provider_id: "pp_system_default" },
          { headers },
        )
        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
        return { cart: withItem.cart, completed }
      }

      it("completes a cart of one download with no shipping method and charges GST in Australia", async () => {
        const seeded = SEED_PRODUCTS[0]!
        const { cart, completed } = await buy(seeded.handle, regions.australia, "au")
        expect(cart.items[0].requires_shipping).toBe(false)
        expect(completed.type).toBe("order")
        const order = completed.order
        expect(order.shipping_methods).toEqual([])
        expect(order.items).toHaveLength(1)
        expect(fromMedusaAmount(order.total, "aud")).toBe(seeded.priceCents)
        expect(fromMedusaAmount(order.tax_total, "aud")).toBe(seeded.priceCents - exclusiveFromInclusive(seeded.priceCents))
      })

      it("charges a buyer in New Zealand the GST-free price", async () => {
        const seeded = SEED_PRODUCTS[1]!
        const { completed } = await buy(seeded.handle, regions.international, "nz")
        expect(completed.type).toBe("order")
        expect(fromMedusaAmount(completed.order.total, "aud")).toBe(exclusiveFromInclusive(seeded.priceCents))
        expect(fromMedusaAmount(completed.order.tax_total, "aud")).toBe(0)
      })
    })

    describe("health for the uptime monitor", () => {
      it("answers /health (alive) and /ready (database and private bucket reachable)", async () => {
        expect((await api.get("/health")).status).toBe(200)
        const ready = await api.get("/ready")
        expect(ready.status).toBe(200)
        expect(ready.data).toEqual({ status: "ready", checks: { database: "ok", bucket: "ok" } })
        expect(ready.headers["cache-control"]).toBe("no-store")
      })

      it("says which dependency fails, with 503, and nothing about why", async () => {
        const bucket = getContainer().resolve<DigitalFileModuleService>(DIGITAL_FILE_MODULE).privateBucket
        const original = bucket.checkReachable
        bucket.checkReachable = async () => {
          throw new Error("connect ECONNREFUSED 10.0.0.1:443 with key S3RVER")
        }
        try {
          const ready = await api.get("/ready", { validateStatus: () => true })
          expect(ready.status).toBe(503)
          expect(ready.data).toEqual({ status: "not ready", checks: { database: "ok", bucket: "failing" } })
        } finally {
          bucket.checkReachable = original
        }
      })
    })

    describe("bootstrapping an environment", () => {
      it("prepares regions, GST, the sales channel and key idempotently, and invites the first admin once", async () => {
        const container = getContainer()
        const count = async () => ({
          regions: (await container.resolve(Modules.REGION).listRegions({})).map((r) => r.name).sort(),
          gst: (await container.resolve(Modules.TAX).listTaxRegions({ country_code: "au" })).length,
          keys: (await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })).length,
          products: (await container.resolve(Modules.PRODUCT).listProducts({}, { select: ["id"] })).length,
        })
        const before = await count()
        const first = await bootstrapShop(container, { adminEmail: "owner@vespertene.test" })
        const second = await bootstrapShop(container, { adminEmail: "owner@vespertene.test" })
        expect(first.publishableKey).toBe(publishableKey)
        expect(second.publishableKey).toBe(publishableKey)
        expect(await count()).toEqual(before)
        expect(before).toMatchObject({ regions: ["Australia", "International"], gst: 1, keys: 1 })

        // GST that drifted from 10 % is put back; nothing else about the tax region changes.
        const tax = container.resolve(Modules.TAX)
        const australia = (await tax.listTaxRegions({ country_code: "au" })).find((t) => !t.parent_id)
        const defaults = async () => (await tax.listTaxRates({ tax_region_id: australia!.id })).filter((r) => r.is_default)
        const [gst] = await defaults()
        await tax.updateTaxRates(gst!.id, { rate: 5 })
        await bootstrapShop(container, { adminEmail: "owner@vespertene.test" })
        const after = await defaults()
        expect(after.map((r) => [r.id, Number(r.rate), r.code])).toEqual([[gst!.id, 10, "GST"]])

        const invites = await container.resolve(Modules.USER).listInvites({ email: "owner@vespertene.test" })
        expect(invites).toHaveLength(1)
        const emails = await container.resolve(Modules.NOTIFICATION).listNotifications({ to: "owner@vespertene.test", template: "staff-invite" })
        expect(emails).toHaveLength(1)
        expect(JSON.stringify(emails[0]!.data)).toContain(invites[0]!.token)
      })
    })

    // ADR 0029: the Caching Module is on, with a provider that keeps only the publishable-key lookup.
    describe("what the store API caches", () => {
      // Each test starts from the suite's snapshot, so each signs its own staff member up.
      const admin = async () => {
        const staff = { email: "catalogue-staff@vespertene.test", password: "a-long-staff-password" }
        await createAdmin(getContainer(), staff)
        const { data } = await api.post("/auth/user/emailpass", staff)
        return { headers: { authorization: `Bearer ${data.token}` } }
      }
      const regionsWith = (key: string) =>
        api.get("/store/regions", { headers: { "x-publishable-api-key": key }, validateStatus: () => true })

      it("refuses a publishable key on the first store request after staff revoke it", async () => {
        const headers = await admin()
        const [channel] = await getContainer().resolve(Modules.SALES_CHANNEL).listSalesChannels({})
        const { data: created } = await api.post("/admin/api-keys", { title: "Second storefront", type: "publishable" }, headers)
        const key = created.api_key
        await api.post(`/admin/api-keys/${key.id}/sales-channels`, { add: [channel!.id] }, headers)
        // Twice: the second answer comes from the cache.
        expect((await regionsWith(key.token)).status).toBe(200)
        expect((await regionsWith(key.token)).status).toBe(200)

        await api.post(`/admin/api-keys/${key.id}/revoke`, {}, headers)
        const refused = await regionsWith(key.token)
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/valid publishable key/)
        expect((await regionsWith(publishableKey)).status).toBe(200)
      })

      it("shows a price staff change on the very next product request", async () => {
        const headers = await admin()
        const seeded = SEED_PRODUCTS[0]!
        const price = async () => {
          const [product] = await listProducts(regions.australia.id, "au", "handle,*variants.calculated_price")
            .then((products) => products.filter((p) => p.handle === seeded.handle))
          return fromMedusaAmount(product.variants[0].calculated_price.calculated_amount_with_tax, "aud")
        }
        expect(await price()).toBe(seeded.priceCents)
        expect(await price()).toBe(seeded.priceCents)

        const { data } = await api.get(`/admin/products?handle=${seeded.handle}&fields=id,*variants,*variants.prices,*variants.prices.price_rules`, headers)
        const product = data.products[0]
        const variant = product.variants[0]
        type Price = { id: string; currency_code: string; amount: number; rules: Record<string, string> }
        const setAud = (cents: number) =>
          api.post(`/admin/products/${product.id}/variants/${variant.id}`, {
            prices: variant.prices.map(({ id, currency_code, amount, rules }: Price) => ({
              id,
              currency_code,
              rules,
              amount: rules.region_id === regions.australia.id ? toMedusaAmount(cents, "aud") : amount,
            })),
          }, headers)
        await setAud(seeded.priceCents + 500)
        try {
          expect(await price()).toBe(seeded.priceCents + 500)
        } finally {
          await setAud(seeded.priceCents)
        }
        expect(await price()).toBe(seeded.priceCents)
      })
    })
  },
})
