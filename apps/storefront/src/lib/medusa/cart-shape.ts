import { fromMedusaAmount, type MedusaAmount } from "@vespertene/money/medusa"
import type { MinorUnits } from "@vespertene/money"

/** A cart as our pages use it: integer minor units only (ADR 0004), read from Medusa's shape here. */
export type CartLine = {
  id: string
  variantId: string
  title: string
  handle: string | null
  image: string | null
  total: MinorUnits
}

export type Cart = {
  id: string
  email: string | null
  customerId: string | null
  regionId: string
  countryCode: string | null
  billingName: string
  currency: string
  lines: CartLine[]
  /** The lines' prices before discounts, as shown (GST-inclusive in Australia). */
  subtotal: MinorUnits
  discount: MinorUnits
  /** The GST in `total` (0 for exports). */
  tax: MinorUnits
  total: MinorUnits
  promoCodes: string[]
}

export type RawCart = {
  id: string
  email?: string | null
  customer_id?: string | null
  region_id: string
  currency_code: string
  completed_at?: string | null
  original_item_total?: MedusaAmount | null
  discount_total?: MedusaAmount | null
  tax_total?: MedusaAmount | null
  total?: MedusaAmount | null
  shipping_address?: { country_code?: string | null } | null
  billing_address?: { first_name?: string | null; last_name?: string | null; country_code?: string | null } | null
  promotions?: Array<{ code?: string | null } | null> | null
  items?: Array<{
    id: string
    variant_id?: string | null
    product_title?: string | null
    title?: string | null
    product_handle?: string | null
    thumbnail?: string | null
    total?: MedusaAmount | null
  } | null> | null
}

/** The fields requested for every cart read; asking for totals makes Medusa compute them. */
export const CART_FIELDS = [
  "id",
  "email",
  "customer_id",
  "region_id",
  "currency_code",
  "completed_at",
  "original_item_total",
  "discount_total",
  "tax_total",
  "total",
  "shipping_address.country_code",
  "billing_address.first_name",
  "billing_address.last_name",
  "billing_address.country_code",
  "promotions.code",
  "items.id",
  "items.variant_id",
  "items.product_title",
  "items.title",
  "items.product_handle",
  "items.thumbnail",
  "items.total",
].join(",")

export function reshapeCart(raw: RawCart): Cart {
  const currency = raw.currency_code.toUpperCase()
  const money = (amount: MedusaAmount | null | undefined) => (amount == null ? 0 : fromMedusaAmount(amount, currency))
  const billing = raw.billing_address
  return {
    id: raw.id,
    email: raw.email ?? null,
    customerId: raw.customer_id ?? null,
    regionId: raw.region_id,
    countryCode: billing?.country_code ?? raw.shipping_address?.country_code ?? null,
    billingName: [billing?.first_name, billing?.last_name].filter(Boolean).join(" "),
    currency,
    lines: (raw.items ?? []).flatMap((item) =>
      item
        ? [
            {
              id: item.id,
              variantId: item.variant_id ?? "",
              title: item.product_title || item.title || "Product",
              handle: item.product_handle ?? null,
              image: item.thumbnail ?? null,
              total: money(item.total),
            },
          ]
        : [],
    ),
    subtotal: money(raw.original_item_total),
    discount: money(raw.discount_total),
    tax: money(raw.tax_total),
    total: money(raw.total),
    promoCodes: (raw.promotions ?? []).flatMap((p) => (p?.code ? [p.code] : [])),
  }
}

/** "Ada Lovelace" → first and last name as Medusa's address keeps them. */
export function splitName(name: string): { first_name: string; last_name: string } {
  const parts = name.trim().split(/\s+/)
  if (parts.length === 1) return { first_name: parts[0] ?? "", last_name: "" }
  return { first_name: parts.slice(0, -1).join(" "), last_name: parts.at(-1)! }
}
