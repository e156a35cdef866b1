import "server-only"
import { env } from "@/env"
import { sdk } from "./sdk"
import { CATALOGUE_FIELDS, reshapeProduct, type CatalogueProduct, type RawStoreProduct } from "./reshape"

/**
 * Catalogue reads. Every call goes through Next's data cache (tagged, revalidated on a short
 * window: ADR 0026), so page views do not reach Medusa. Prices are the Australian region's,
 * GST-inclusive (ADR 0013).
 */

export const CATALOGUE_TAG = "catalogue"
const HOME_COUNTRY = "au"

function cached(tags: string[]) {
  return {
    cache: "force-cache" as const,
    next: { tags: [CATALOGUE_TAG, ...tags], revalidate: env().CATALOGUE_REVALIDATE_SECONDS },
  }
}

async function homeRegionId(): Promise<string> {
  const { regions } = await sdk.client.fetch<{ regions: Array<{ id: string; countries?: Array<{ iso_2: string }> }> }>(
    "/store/regions",
    { query: { fields: "id,*countries" }, ...cached(["regions"]) },
  )
  const region = regions.find((r) => r.countries?.some((c) => c.iso_2 === HOME_COUNTRY))
  if (!region) throw new Error(`No region in the backend covers the country "${HOME_COUNTRY}"`)
  return region.id
}

export async function listProducts(): Promise<CatalogueProduct[]> {
  const regionId = await homeRegionId()
  const { products } = await sdk.client.fetch<{ products: RawStoreProduct[] }>("/store/products", {
    query: { fields: CATALOGUE_FIELDS, region_id: regionId, country_code: HOME_COUNTRY, limit: 100, order: "created_at" },
    ...cached(["products"]),
  })
  return products.map(reshapeProduct)
}

export async function getProduct(handle: string): Promise<CatalogueProduct | null> {
  const regionId = await homeRegionId()
  const { products } = await sdk.client.fetch<{ products: RawStoreProduct[] }>("/store/products", {
    query: { fields: CATALOGUE_FIELDS, region_id: regionId, country_code: HOME_COUNTRY, handle, limit: 1 },
    ...cached([`product:${handle}`]),
  })
  const [product] = products
  return product ? reshapeProduct(product) : null
}
