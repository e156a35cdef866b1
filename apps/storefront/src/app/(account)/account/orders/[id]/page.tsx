import type { Metadata } from "next"
import Link from "next/link"
import { AccountNav } from "@/features/account/components/account-nav"
import { DownloadList } from "@/features/downloads/components/download-list"
import { RefreshUntilReady } from "@/features/downloads/components/refresh-until-ready"
import { OrderStatusBadge, orderDate } from "@/features/orders/components/order-list"
import { OrderSummary } from "@/features/orders/components/order-summary"
import { loadOrder } from "@/features/orders/load-order"

export const metadata: Metadata = { title: "Your order" }

type Props = { params: Promise<{ id: string }> }

export default async function OrderPage({ params }: Props) {
  const { id } = await params
  const { order, files } = await loadOrder(id, `/account/orders/${encodeURIComponent(id)}`)
  if (!files.ok) throw new Error(`Could not load the downloads (${files.status})`)
  const { displayId, createdAt, status } = order
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
      {/* An unpaid or cancelled order never gets files: nothing to wait for. */}
      <RefreshUntilReady
        ready={order.status === "awaiting payment" || order.status === "cancelled" || files.value.length >= order.items.length}
      />
      <DownloadList items={files.value} emptyText="This order's files are being prepared." headingLevel={3} />
      <h2>Summary</h2>
      <OrderSummary order={order} />
    </section>
  )
}
