import "server-only"
import { env } from "@/env"
import { fromMedusaAmount, type MedusaAmount } from "@vespertene/money/medusa"
import { clientContextHeaders } from "./client-context"
import { call, type Result } from "./customer"

/** A purchase in the customer's downloads library. */
export type DownloadItem = {
  token: string
  orderId: string
  title: string
  fileName: string | null
  sizeBytes: number | null
  version: number | null
  status: "active" | "revoked"
  downloadCount: number
  purchasedAt: string
}

export type OrderSummary = {
  id: string
  displayId: number
  createdAt: string
  currency: string
  total: number
  tax: number
  items: Array<{ id: string; title: string; total: number }>
}

type RawDownload = {
  token: string
  order_id: string
  product_title: string
  file_name: string | null
  size: number | null
  version: number | null
  status: "active" | "revoked"
  download_count: number
  purchased_at: string
}

export async function listDownloads(token: string): Promise<Result<DownloadItem[]>> {
  const result = await call<{ downloads: RawDownload[] }>("/store/customers/me/downloads", { token })
  if (!result.ok) return result
  return {
    ok: true,
    value: result.value.downloads.map((d) => ({
      token: d.token,
      orderId: d.order_id,
      title: d.product_title,
      fileName: d.file_name,
      sizeBytes: d.size,
      version: d.version,
      status: d.status,
      downloadCount: d.download_count,
      purchasedAt: d.purchased_at,
    })),
  }
}

type RawOrder = {
  id: string
  display_id: number
  created_at: string
  currency_code: string
  total: MedusaAmount
  tax_total: MedusaAmount
  items: Array<{ id: string; product_title: string | null; title: string; total: MedusaAmount }>
}

export async function getOrder(token: string, id: string): Promise<Result<OrderSummary>> {
  const fields = "id,display_id,created_at,currency_code,total,tax_total,items.id,items.title,items.product_title,items.total"
  const result = await call<{ order: RawOrder }>(`/store/orders/${encodeURIComponent(id)}?fields=${fields}`, { token })
  if (!result.ok) return result
  const order = result.value.order
  const currency = order.currency_code.toUpperCase()
  return {
    ok: true,
    value: {
      id: order.id,
      displayId: order.display_id,
      createdAt: order.created_at,
      currency,
      total: fromMedusaAmount(order.total, currency),
      tax: fromMedusaAmount(order.tax_total, currency),
      items: order.items.map((item) => ({
        id: item.id,
        title: item.product_title ?? item.title,
        total: fromMedusaAmount(item.total, currency),
      })),
    },
  }
}

/** Asks the backend for a download without following its redirect: the file never passes through here. */
export async function requestDownload(sessionToken: string, downloadToken: string, userAgent: string | null): Promise<Response> {
  const { MEDUSA_BACKEND_URL, MEDUSA_PUBLISHABLE_KEY } = env()
  return fetch(`${MEDUSA_BACKEND_URL}/store/downloads/${encodeURIComponent(downloadToken)}`, {
    redirect: "manual",
    cache: "no-store",
    headers: {
      authorization: `Bearer ${sessionToken}`,
      "x-publishable-api-key": MEDUSA_PUBLISHABLE_KEY,
      // The download log records the customer's browser, not this server.
      "user-agent": userAgent ?? "",
      ...(await clientContextHeaders()),
    },
  })
}
