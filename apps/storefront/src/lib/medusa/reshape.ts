import { fromMedusaAmount, type MedusaAmount } from "@vespertene/money/medusa"
import type { MinorUnits } from "@vespertene/money"

/**
 * The adapter between Medusa's store API and our pages (the only place raw shapes are read):
 * amounts become integer minor units here, through the money package's one Medusa border.
 */

export type CatalogueFile = { name: string; sizeBytes: number; format: string }

export type CataloguePrice = {
  amount: MinorUnits
  currency: string
  /** The GST contained in `amount` (0 where no GST applies). */
  gst: MinorUnits
  taxInclusive: boolean
}

export type CatalogueProduct = {
  id: string
  handle: string
  title: string
  subtitle: string | null
  description: string | null
  image: string | null
  variantId: string | null
  price: CataloguePrice | null
  file: CatalogueFile | null
}

/** The subset of Medusa's store product we request (see CATALOGUE_FIELDS). */
export type RawStoreProduct = {
  id: string
  handle: string
  title: string
  subtitle?: string | null
  description?: string | null
  thumbnail?: string | null
  variants?: Array<{
    id: string
    calculated_price?: RawCalculatedPrice | null
    digital_file?: { file_name: string; size: MedusaAmount; content_type: string } | null
  }> | null
}

type RawCalculatedPrice = {
  calculated_amount?: MedusaAmount | null
  /** Present when the request carries a tax context (region and country). */
  calculated_amount_with_tax?: MedusaAmount | null
  calculated_amount_without_tax?: MedusaAmount | null
  currency_code?: string | null
  is_calculated_price_tax_inclusive?: boolean
}

export const CATALOGUE_FIELDS = [
  "id",
  "handle",
  "title",
  "subtitle",
  "description",
  "thumbnail",
  "variants.id",
  "*variants.calculated_price",
  "variants.digital_file.file_name",
  "variants.digital_file.size",
  "variants.digital_file.content_type",
].join(",")

const FORMATS: Record<string, string> = {
  "application/zip": "ZIP",
  "application/x-zip-compressed": "ZIP",
  "application/pdf": "PDF",
}

export function reshapeProduct(raw: RawStoreProduct): CatalogueProduct {
  const variant = raw.variants?.[0]
  return {
    id: raw.id,
    handle: raw.handle,
    title: raw.title,
    subtitle: raw.subtitle || null,
    description: raw.description || null,
    image: raw.thumbnail || null,
    variantId: variant?.id ?? null,
    price: reshapePrice(variant?.calculated_price),
    file: variant?.digital_file ? reshapeFile(variant.digital_file) : null,
  }
}

function reshapePrice(raw: RawCalculatedPrice | null | undefined): CataloguePrice | null {
  if (!raw || raw.calculated_amount == null || !raw.currency_code) return null
  const currency = raw.currency_code.toUpperCase()
  const gross = fromMedusaAmount(raw.calculated_amount_with_tax ?? raw.calculated_amount, currency)
  const net =
    raw.calculated_amount_without_tax == null ? gross : fromMedusaAmount(raw.calculated_amount_without_tax, currency)
  return {
    amount: gross,
    currency,
    taxInclusive: Boolean(raw.is_calculated_price_tax_inclusive),
    gst: gross - net,
  }
}

function reshapeFile(raw: { file_name: string; size: MedusaAmount; content_type: string }): CatalogueFile {
  const extension = raw.file_name.includes(".") ? raw.file_name.split(".").pop()!.toUpperCase() : ""
  return {
    name: raw.file_name,
    sizeBytes: byteCount(raw.size),
    format: FORMATS[raw.content_type] ?? (extension || raw.content_type),
  }
}

/** Medusa returns big numbers as numbers, strings or `{ value }` objects; a byte count is an integer. */
function byteCount(raw: MedusaAmount): number {
  const value = typeof raw === "object" ? ("value" in raw ? raw.value : raw.numeric) : raw
  const bytes = Number(value)
  if (!Number.isSafeInteger(bytes) || bytes < 0) throw new RangeError(`Not a byte count: ${JSON.stringify(raw)}`)
  return bytes
}

/** Human file sizes in SI units, as operating systems show them: 340788 → "341 kB". */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`Not a file size: ${bytes}`)
  if (bytes < 1000) return `${bytes} B`
  const units = ["kB", "MB", "GB", "TB"]
  let value = bytes
  let unit = -1
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit += 1
  }
  const digits = value < 10 ? 1 : 0
  return `${value.toFixed(digits)} ${units[unit]}`
}
