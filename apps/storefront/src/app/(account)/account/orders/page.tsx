import type { Metadata } from "next"
import Link from "next/link"
import { notFound, redirect } from "next/navigation"
import { AccountNav } from "@/features/account/components/account-nav"
import { OrderList } from "@/features/orders/components/order-list"
import { ORDERS_PER_PAGE, parsePage } from "@/lib/medusa/order-shape"
import { listOrders } from "@/lib/medusa/orders"
import { currentSession } from "@/lib/session"

export const metadata: Metadata = { title: "Your orders" }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function OrdersPage({ searchParams }: Props) {
  const page = parsePage((await searchParams).page)
  if (page === null) notFound()
  const here = page === 1 ? "/account/orders" : `/account/orders?page=${page}`
  const session = await currentSession()
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(here)}`)
  const result = await listOrders(session.token, { offset: (page - 1) * ORDERS_PER_PAGE, limit: ORDERS_PER_PAGE })
  if (!result.ok) {
    if (result.status === 401) redirect(`/sign-in?expired=1&next=${encodeURIComponent(here)}`)
    throw new Error(`Could not load the orders (${result.status})`)
  }
  const { orders, count } = result.value
  const pages = Math.max(1, Math.ceil(count / ORDERS_PER_PAGE))
  if (page > pages) notFound()
  return (
    <section className="account">
      <AccountNav current="orders" />
      <h1>Your orders</h1>
      {orders.length === 0 ? (
        <div className="empty" role="status">
          <p>No orders yet. When you buy something, it appears here with its receipt and files.</p>
          <p>
            <Link href="/">Browse the shop</Link>
          </p>
        </div>
      ) : (
        <>
          <OrderList orders={orders} />
          {pages > 1 ? (
            <nav className="pager" aria-label="Order pages">
              {page > 1 ? (
                <Link href={page === 2 ? "/account/orders" : `/account/orders?page=${page - 1}`} rel="prev">
                  Newer orders
                </Link>
              ) : (
                <span />
              )}
              <span className="muted">
                Page {page} of {pages}
              </span>
              {page < pages ? (
                <Link href={`/account/orders?page=${page + 1}`} rel="next">
                  Older orders
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </>
      )}
    </section>
  )
}
