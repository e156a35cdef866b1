import { fromMedusaAmount, type MedusaAmount } from "@vespertene/money/medusa"
import type { MinorUnits } from "@vespertene/money"

/** An order as our pages show it: integer minor units only (ADR 0004), read from Medusa's shape here. */
export type Order = {
  id: string
  displayId: number
  createdAt: string
  currency: string
  /** What the order cost when it was placed: refunds do not change it. */
  total: MinorUnits
  /** The GST in `total` (0 for exports). */
  tax: MinorUnits
  /** How much of `total` has been given back. */
  refunded: MinorUnits
  status: OrderStatus
  items: Array<{ id: string; title: string; total: MinorUnits }>
}

/** What the customer is told about an order's money, in their words rather than Medusa's. */
export type OrderStatus = "paid" | "partly refunded" | "refunded" | "awaiting payment" | "cancelled"

export type RawOrder = {
  id: string
  display_id: number
  created_at: string
  currency_code: string
  /** Medusa's current total: a refund adds a credit line, which takes this down to what is still paid. */
  total: MedusaAmount
  tax_total: MedusaAmount
  summary?: { original_order_total?: MedusaAmount | null; refunded_total?: MedusaAmount | null } | null
  status?: string | null
  payment_status?: string | null
  items?: Array<{ id: string; product_title?: string | null; title: string; total: MedusaAmount } | null> | null
}

/**
 * The fields the order pages read. Medusa's store order list drops the `items.*` fields it does
 * not allow without an error, but its list workflow always returns whole items, so they arrive.
 */
export const ORDER_FIELDS = [
  "id",
  "display_id",
  "created_at",
  "currency_code",
  "total",
  "tax_total",
  "summary",
  "status",
  "payment_status",
  "items.id",
  "items.title",
  "items.product_title",
  "items.total",
].join(",")

export function reshapeOrder(raw: RawOrder): Order {
  const currency = raw.currency_code.toUpperCase()
  return {
    id: raw.id,
    displayId: raw.display_id,
    createdAt: raw.created_at,
    currency,
    total: fromMedusaAmount(raw.summary?.original_order_total ?? raw.total, currency),
    tax: fromMedusaAmount(raw.tax_total, currency),
    refunded: raw.summary?.refunded_total == null ? 0 : fromMedusaAmount(raw.summary.refunded_total, currency),
    status: orderStatus(raw),
    items: (raw.items ?? [])
      .filter((item) => item != null)
      .map((item) => ({ id: item.id, title: item.product_title || item.title, total: fromMedusaAmount(item.total, currency) })),
  }
}

/**
 * Medusa's payment status, as a buyer would put it. Authorised counts as paid: the shop captures
 * automatically, and the test provider stops at authorised.
 */
export function orderStatus(raw: Pick<RawOrder, "status" | "payment_status">): OrderStatus {
  if (raw.status === "canceled") return "cancelled"
  switch (raw.payment_status) {
    case "refunded":
      return "refunded"
    case "partially_refunded":
      return "partly refunded"
    case "canceled":
      return "cancelled"
    case "not_paid":
    case "awaiting":
    case "requires_action":
      return "awaiting payment"
    default:
      // captured, partially_captured, authorized, partially_authorized. A cart becomes an order
      // only once its payment is authorised, so an order is paid unless Medusa says otherwise.
      return "paid"
  }
}

/** Orders per page of the order history. */
export const ORDERS_PER_PAGE = 10

/**
 * The page number in `?page=`: a whole number from 1, or nothing (the first page). Anything else
 * is not a page of this list, and the page answers 404.
 */
export function parsePage(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1
  if (typeof value !== "string" || !/^[1-9]\d{0,5}$/.test(value)) return null
  return Number(value)
}
