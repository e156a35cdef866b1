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

/**
 * The customer's orders, newest first: number, date, what was bought, total and status. The
 * explicit roles keep the table a table for screen readers when narrow screens lay rows out as
 * grids (Safari drops table semantics once `display` changes).
 */
export function OrderList({ orders }: { orders: Order[] }) {
  return (
    <table className="orders">
      <caption className="visually-hidden">Your orders, newest first</caption>
      <thead>
        <tr role="row">
          <th scope="col" role="columnheader">
            Order
          </th>
          <th scope="col" role="columnheader">
            Date
          </th>
          <th scope="col" role="columnheader">
            Items
          </th>
          <th scope="col" role="columnheader" className="summary__amount">
            Total
          </th>
          <th scope="col" role="columnheader">
            Status
          </th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.id} role="row" data-testid="order-row">
            <th scope="row" role="rowheader">
              <Link href={`/account/orders/${encodeURIComponent(order.id)}`}>Order #{order.displayId}</Link>
            </th>
            <td role="cell">
              <time dateTime={order.createdAt}>{orderDate.format(new Date(order.createdAt))}</time>
            </td>
            <td role="cell">{order.items.map((item) => item.title).join(", ")}</td>
            <td role="cell" className="summary__amount">
              {formatMoney(order.total, order.currency)}
            </td>
            <td role="cell">
              <OrderStatusBadge status={order.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
