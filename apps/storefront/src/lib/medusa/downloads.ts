import "server-only"
import { env } from "@/env"
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

/** The customer's downloads library, or only the files of one of their orders. */
export async function listDownloads(token: string, only: { orderId?: string } = {}): Promise<Result<DownloadItem[]>> {
  const query = only.orderId ? `?${new URLSearchParams({ order_id: only.orderId })}` : ""
  const result = await call<{ downloads: RawDownload[] }>(`/store/customers/me/downloads${query}`, { token })
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
