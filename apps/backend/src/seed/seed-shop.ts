import type { CreateMoneyAmountDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createPromotionsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createTaxRegionsWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
  uploadFilesWorkflow,
} from "@medusajs/medusa/core-flows"
import { AU_GST_PERCENT as GST_PERCENT, exclusiveFromInclusive } from "@vespertene/money/gst"
import { toMedusaAmount } from "@vespertene/money/medusa"
import { randomUUID } from "node:crypto"
import { allowsTestPayments, backendEnv } from "../lib/env"
import { DIGITAL_FILE_MODULE } from "../modules/digital-file"
import type DigitalFileModuleService from "../modules/digital-file/service"
import { addFileVersionWorkflow } from "../workflows/digital-file/workflows/add-file-version"
import { productArchive, productImage } from "./assets"
import { INTERNATIONAL_COUNTRIES, SEED_PRODUCTS, type SeedProduct } from "./catalogue"

const CURRENCY = "aud"
/** A demo code for development and tests: 10 % off the whole order. */
export const SEED_PROMO_CODE = "LAUNCH10"
const SALES_CHANNEL = "Vespertene Online"

export type SeedResult = { seeded: boolean; publishableKey: string }

type Prepared = { publishableKey: string; salesChannelId: string; australiaId: string; internationalId: string }

/**
 * What every environment needs before it can sell, and nothing else (no products): the AUD store,
 * the Australia (GST 10 %, prices inclusive) and International (GST-free) regions with this
 * environment's payment providers, Australia's GST rate, the storefront's sales channel and its
 * publishable key. Safe to run again: regions (found by their first country, whatever staff named
 * them), the tax region, the channel and the key are created only when missing; the store's
 * currency and the regions' payment providers are set to what this environment needs.
 */
export async function prepareShop(container: MedusaContainer): Promise<Prepared> {
  const salesChannel = await ensureSalesChannel(container)
  const storeModule = container.resolve(Modules.STORE)
  const [store] = await storeModule.listStores()
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store!.id },
      update: {
        name: "Vespertene",
        supported_currencies: [{ currency_code: CURRENCY, is_default: true, is_tax_inclusive: true }],
        default_sales_channel_id: salesChannel.id,
      },
    },
  })

  const regionModule = container.resolve(Modules.REGION)
  const wanted = [
    { name: "Australia", countries: ["au"], is_tax_inclusive: true },
    { name: "International", countries: INTERNATIONAL_COUNTRIES, is_tax_inclusive: false },
  ]
  const covering = async (country: string) =>
    (await regionModule.listRegions({}, { relations: ["countries"] })).find((r) => r.countries?.some((c) => c.iso_2 === country))
  const missing: typeof wanted = []
  for (const region of wanted) if (!(await covering(region.countries[0]!))) missing.push(region)
  if (missing.length) {
    await createRegionsWorkflow(container).run({
      input: {
        regions: missing.map((r) => ({
          ...r,
          currency_code: CURRENCY,
          payment_providers: paymentProviders(),
          automatic_taxes: true,
        })),
      },
    })
  }
  await syncPaymentProviders(container)
  const australia = await covering("au")
  const international = await covering(INTERNATIONAL_COUNTRIES[0]!)
  if (!australia || !international) throw new Error("prepareShop: the Australia and International regions could not be created")

  await ensureGst(container)

  return {
    publishableKey: await ensurePublishableKey(container, salesChannel.id),
    salesChannelId: salesChannel.id,
    australiaId: australia.id,
    internationalId: international.id,
  }
}

/** Australia's GST is 10 %: the AU tax region is created with it, and a default rate that drifted is put back. */
async function ensureGst(container: MedusaContainer) {
  const tax = container.resolve(Modules.TAX)
  const australia = (await tax.listTaxRegions({ country_code: "au" })).find((t) => !t.parent_id)
  if (!australia) {
    await createTaxRegionsWorkflow(container).run({
      input: [{ country_code: "au", provider_id: "tp_system", default_tax_rate: { rate: GST_PERCENT, code: "GST", name: "GST" } }],
    })
    return
  }
  const rate = (await tax.listTaxRates({ tax_region_id: australia.id })).find((r) => r.is_default)
  if (!rate) {
    await tax.createTaxRates({ tax_region_id: australia.id, rate: GST_PERCENT, code: "GST", name: "GST", is_default: true })
  } else if (Number(rate.rate) !== GST_PERCENT) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Australia's default tax rate was ${rate.rate} %; set back to GST ${GST_PERCENT} %`)
    await tax.updateTaxRates(rate.id, { rate: GST_PERCENT })
  }
}

/**
 * Development and tests: prepareShop, then, on a database with no products, six digital products
 * with images and ZIPs, the demo promo code and optionally the first admin user.
 */
export async function seedShop(
  container: MedusaContainer,
  options: { admin?: { email: string; password: string } } = {},
): Promise<SeedResult> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const prepared = await prepareShop(container)

  const { data: existing } = await query.graph({ entity: "product", fields: ["id"], pagination: { take: 1 } })
  if (existing.length > 0) {
    logger.info("Seed: the database already has products; regions and payment providers checked, nothing else to do.")
    return { seeded: false, publishableKey: prepared.publishableKey }
  }

  const digitalFiles: DigitalFileModuleService = container.resolve(DIGITAL_FILE_MODULE)
  for (const [index, product] of SEED_PRODUCTS.entries()) {
    await seedProduct(container, digitalFiles, product, index + 1, {
      salesChannelId: prepared.salesChannelId,
      australiaId: prepared.australiaId,
      internationalId: prepared.internationalId,
    })
  }

  await createPromotionsWorkflow(container).run({
    input: {
      promotionsData: [
        {
          code: SEED_PROMO_CODE,
          type: "standard",
          status: "active",
          is_automatic: false,
          application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10 },
        },
      ],
    },
  })

  if (options.admin) await createAdmin(container, options.admin)
  logger.info(`Seed: ${SEED_PRODUCTS.length} digital products, 2 regions, promo code ${SEED_PROMO_CODE}, publishable key ready.`)
  return { seeded: true, publishableKey: prepared.publishableKey }
}

async function seedProduct(
  container: MedusaContainer,
  digitalFiles: DigitalFileModuleService,
  product: SeedProduct,
  seed: number,
  ids: { salesChannelId: string; australiaId: string; internationalId: string },
) {
  const image = productImage(product.palette, seed)
  const { result: uploaded } = await uploadFilesWorkflow(container).run({
    input: {
      files: [
        { filename: `${product.handle}.png`, mimeType: "image/png", content: image.toString("base64"), access: "public" },
      ],
    },
  })
  const imageUrl = uploaded[0]!.url

  const gross = toMedusaAmount(product.priceCents, CURRENCY)
  const exportPrice = toMedusaAmount(exclusiveFromInclusive(product.priceCents), CURRENCY)
  // The workflow hands `rules` on to the pricing module (region prices), though its input type
  // does not name them.
  const prices: Array<CreateMoneyAmountDTO & { rules?: { region_id: string } }> = [
    { amount: gross, currency_code: CURRENCY },
    { amount: gross, currency_code: CURRENCY, rules: { region_id: ids.australiaId } },
    { amount: exportPrice, currency_code: CURRENCY, rules: { region_id: ids.internationalId } },
  ]
  const { result: created } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: product.title,
          subtitle: product.subtitle,
          handle: product.handle,
          description: product.description,
          status: "published",
          thumbnail: imageUrl,
          images: [{ url: imageUrl }],
          sales_channels: [{ id: ids.salesChannelId }],
          options: [{ title: "Licence", values: ["Standard"] }],
          variants: [
            {
              title: "Standard licence",
              sku: `${product.handle}-standard`,
              manage_inventory: false,
              options: { Licence: "Standard" },
              prices,
            },
          ],
        },
      ],
    },
  })

  const variantId = created[0]!.variants[0]!.id
  const archive = productArchive({ title: product.title, description: product.description, files: product.files, seed })
  const storageKey = `products/${product.handle}/${randomUUID()}/${product.archiveName}`
  await digitalFiles.privateBucket.put(storageKey, archive, "application/zip")
  await addFileVersionWorkflow(container).run({
    input: { variant_id: variantId, storage_key: storageKey, file_name: product.archiveName, content_type: "application/zip" },
  })
}

async function ensureSalesChannel(container: MedusaContainer) {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await salesChannels.listSalesChannels({ name: [SALES_CHANNEL, "Default Sales Channel"] })
  if (existing) return existing
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: SALES_CHANNEL, description: "The Vespertene storefront" }] },
  })
  return result[0]!
}

async function ensurePublishableKey(container: MedusaContainer, salesChannelId: string): Promise<string> {
  let key = await activePublishableKey(container)
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: "Vespertene storefront", type: "publishable", created_by: "" }] },
    })
    key = result[0]!
  }
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } })
  return key.token
}

async function activePublishableKey(container: MedusaContainer) {
  const keys = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
  return keys.find((key) => !key.revoked_at)
}

/**
 * Which payment providers every region offers: Stripe when the backend has a key, and the system
 * provider's test payment in development and test only (never in staging or production).
 */
export function paymentProviders(): string[] {
  const env = backendEnv()
  return [...(env.STRIPE_API_KEY ? ["pp_stripe_stripe"] : []), ...(allowsTestPayments(env) ? ["pp_system_default"] : [])]
}

/** Brings every region's payment providers in line with paymentProviders() (e.g. after adding Stripe keys). */
export async function syncPaymentProviders(container: MedusaContainer) {
  const regions = await container.resolve(Modules.REGION).listRegions({}, { select: ["id"] })
  if (regions.length === 0) return
  await updateRegionsWorkflow(container).run({
    input: { selector: { id: regions.map((r) => r.id) }, update: { payment_providers: paymentProviders() } },
  })
}

export async function createAdmin(container: MedusaContainer, admin: { email: string; password: string }) {
  const auth = container.resolve(Modules.AUTH)
  const { result: users } = await createUsersWorkflow(container).run({
    input: { users: [{ email: admin.email, first_name: "Shop", last_name: "Admin" }] },
  })
  const { authIdentity, error } = await auth.register("emailpass", {
    body: { email: admin.email, password: admin.password },
  })
  if (error || !authIdentity) throw new Error(`Could not create the admin user: ${error}`)
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: users[0]!.id } })
}
