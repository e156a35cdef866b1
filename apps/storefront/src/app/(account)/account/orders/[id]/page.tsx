import type { Metadata } from "next"
import Link from "next/link"
import { notFound, redirect } from "next/navigation"
import { AccountNav } from "@/features/account/components/account-nav"
import { DownloadList } from "@/features/downloads/components/download-list"
import { RefreshUntilReady } from "@/features/downloads/components/refresh-until-ready"
import { OrderStatusBadge, orderDate } from "@/features/orders/components/order-list"
import { OrderSummary } from "@/features/orders/components/order-summary"
import { listDownloads } from "@/lib/medusa/downloads"
import { getOrder } from "@/lib/medusa/orders"
import { currentSession } from "@/lib/session"

export const metadata: Metadata = { title: "Your order" }

type Props = { params: Promise<{ id: string }> }

export default async function OrderPage({ params }: Props) {
  const { id } = await params
  const here = `/account/orders/${encodeURIComponent(id)}`
  const session = await currentSession()
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(here)}`)
  const [order, downloads] = await Promise.all([getOrder(session.token, id), listDownloads(session.token, { orderId: id })])
  if (!order.ok) {
    if (order.status === 401) redirect(`/sign-in?expired=1&next=${encodeURIComponent(here)}`)
    if (order.status === 404 || order.status === 400) notFound()
    throw new Error(`Could not load the order (${order.status})`)
  }
  if (!downloads.ok) throw new Error(`Could not load the downloads (${downloads.status})`)
  const { displayId, createdAt, status } = order.value
  return (
    <section className="account">
      <AccountNav current="orders" within />
      <p>
        <Link href="/account/orders">← All orders</Link>
      </p>
      <header className="account__header">
        <div>
          <h1>Order #{displayId}</h1>
          <p className="muted">
            Placed <time dateTime={createdAt}>{orderDate.format(new Date(createdAt))}</time>
          </p>
        </div>
        <OrderStatusBadge status={status} />
      </header>
      <h2>Files</h2>
      <RefreshUntilReady ready={downloads.value.length >= order.value.items.length} />
      <DownloadList items={downloads.value} emptyText="This order's files are being prepared." headingLevel={3} />
      <h2>Summary</h2>
      <OrderSummary order={order.value} />
    </section>
  )
}
