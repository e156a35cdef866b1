import Link from "next/link"
import { formatMoney } from "@/lib/currency"
import type { Order, OrderStatus } from "@/lib/medusa/order-shape"

export const orderDate = new Intl.DateTimeFormat("en-AU", { dateStyle: "medium" })

const STATUS_LABELS: Record<OrderStatus, string> = {
  paid: "Paid",
  "partly refunded": "Partly refunded",
  refunded: "Refunded",
  "awaiting payment": "Awaiting payment",
  cancelled: "Cancelled",
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span className={status === "paid" ? "badge badge--ok" : "badge"} data-testid="order-status">
      {STATUS_LABELS[status]}
    </span>
  )
}

/** The customer's orders, newest first: number, date, what was bought, total and status. */
export function OrderList({ orders }: { orders: Order[] }) {
  return (
    <table className="orders">
      <caption className="visually-hidden">Your orders, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Date</th>
          <th scope="col">Items</th>
          <th scope="col" className="summary__amount">
            Total
          </th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.id} data-testid="order-row">
            <th scope="row">
              <Link href={`/account/orders/${encodeURIComponent(order.id)}`}>Order #{order.displayId}</Link>
            </th>
            <td>
              <time dateTime={order.createdAt}>{orderDate.format(new Date(order.createdAt))}</time>
            </td>
            <td>{order.items.map((item) => item.title).join(", ")}</td>
            <td className="summary__amount">{formatMoney(order.total, order.currency)}</td>
            <td>
              <OrderStatusBadge status={order.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
