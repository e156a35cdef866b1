import type { Metadata } from "next"
import Link from "next/link"
import { notFound, redirect } from "next/navigation"
import { DownloadList } from "@/features/downloads/components/download-list"
import { RefreshUntilReady } from "@/features/downloads/components/refresh-until-ready"
import { OrderSummary } from "@/features/orders/components/order-summary"
import { listDownloads } from "@/lib/medusa/downloads"
import { getOrder } from "@/lib/medusa/orders"
import { currentSession } from "@/lib/session"

export const metadata: Metadata = { title: "Thank you for your order" }

type Props = { params: Promise<{ id: string }> }

export default async function OrderConfirmedPage({ params }: Props) {
  const { id } = await params
  const here = `/order/${encodeURIComponent(id)}/confirmed`
  const session = await currentSession()
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(here)}`)
  const [order, downloads] = await Promise.all([getOrder(session.token, id), listDownloads(session.token, { orderId: id })])
  if (!order.ok) {
    if (order.status === 401) redirect(`/sign-in?expired=1&next=${encodeURIComponent(here)}`)
    if (order.status === 404 || order.status === 400) notFound()
    throw new Error(`Could not load the order (${order.status})`)
  }
  const mine = downloads.ok ? downloads.value : []
  const { displayId, items } = order.value
  return (
    <section className="account">
      <h1>Thank you! Order #{displayId} is confirmed</h1>
      <p className="muted">Your files are ready below and in your downloads library. We&rsquo;ve emailed you the links too.</p>
      <h2>Your downloads</h2>
      <RefreshUntilReady ready={mine.length >= items.length} />
      <DownloadList items={mine} emptyText="Your files are being prepared." headingLevel={3} />
      <h2>Order summary</h2>
      <OrderSummary order={order.value} />
      <p>
        <Link href="/account/downloads">Go to all your downloads</Link> ·{" "}
        <Link href="/account/orders">See all your orders</Link>
      </p>
    </section>
  )
}
