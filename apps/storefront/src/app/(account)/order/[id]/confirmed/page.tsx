import type { Metadata } from "next"
import Link from "next/link"
import { DownloadList } from "@/features/downloads/components/download-list"
import { RefreshUntilReady } from "@/features/downloads/components/refresh-until-ready"
import { OrderSummary } from "@/features/orders/components/order-summary"
import { loadOrder } from "@/features/orders/load-order"

export const metadata: Metadata = { title: "Thank you for your order" }

type Props = { params: Promise<{ id: string }> }

export default async function OrderConfirmedPage({ params }: Props) {
  const { id } = await params
  const { order, files } = await loadOrder(id, `/order/${encodeURIComponent(id)}/confirmed`)
  // Just paid: the files may not be granted yet, and the page refreshes until they are.
  const mine = files.ok ? files.value : []
  const { displayId, items } = order
  return (
    <section className="account">
      <h1>Thank you! Order #{displayId} is confirmed</h1>
      <p className="muted">Your files are ready below and in your downloads library. We&rsquo;ve emailed you the links too.</p>
      <h2>Your downloads</h2>
      <RefreshUntilReady ready={mine.length >= items.length} />
      <DownloadList items={mine} emptyText="Your files are being prepared." headingLevel={3} />
      <h2>Order summary</h2>
      <OrderSummary order={order} />
      <p>
        <Link href="/account/downloads">Go to all your downloads</Link> ·{" "}
        <Link href="/account/orders">See all your orders</Link>
      </p>
    </section>
  )
}
