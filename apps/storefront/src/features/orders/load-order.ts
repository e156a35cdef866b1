import "server-only"
import { notFound, redirect } from "next/navigation"
import { listDownloads, type DownloadItem } from "@/lib/medusa/downloads"
import type { Result } from "@/lib/medusa/customer"
import type { Order } from "@/lib/medusa/order-shape"
import { getOrder } from "@/lib/medusa/orders"
import { currentSession } from "@/lib/session"

/**
 * One of the signed-in customer's orders with its files, for the page at `here`: a visitor or
 * an ended session signs in and comes back, someone else's (or no) order is not found.
 */
export async function loadOrder(id: string, here: string): Promise<{ order: Order; files: Result<DownloadItem[]> }> {
  const session = await currentSession()
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(here)}`)
  const [order, files] = await Promise.all([getOrder(session.token, id), listDownloads(session.token, { orderId: id })])
  if (!order.ok) {
    if (order.status === 401) redirect(`/sign-in?expired=1&next=${encodeURIComponent(here)}`)
    if (order.status === 404 || order.status === 400) notFound()
    throw new Error(`Could not load the order (${order.status})`)
  }
  return { order: order.value, files }
}
