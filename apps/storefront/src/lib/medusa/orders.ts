import "server-only"
import { call, type Result } from "./customer"
import { ORDER_FIELDS, reshapeOrder, type Order, type RawOrder } from "./order-shape"

export type OrderPage = { orders: Order[]; count: number }

/**
 * One page of the signed-in customer's orders, newest first. Medusa scopes the list to its
 * customer. Sorted by order number: unique, so offset pages never repeat or skip an order
 * (two orders can share a creation millisecond), and in the order customers read.
 */
export async function listOrders(token: string, page: { offset: number; limit: number }): Promise<Result<OrderPage>> {
  const query = new URLSearchParams({ fields: ORDER_FIELDS, order: "-display_id", offset: String(page.offset), limit: String(page.limit) })
  const result = await call<{ orders: RawOrder[]; count: number }>(`/store/orders?${query}`, { token })
  if (!result.ok) return result
  return { ok: true, value: { orders: result.value.orders.map(reshapeOrder), count: result.value.count } }
}

/**
 * One of the signed-in customer's orders. Read through the customer's own list rather than Medusa's
 * `GET /store/orders/:id`, which answers anyone who has the id: someone else's order is a 404.
 */
export async function getOrder(token: string, id: string): Promise<Result<Order>> {
  const query = new URLSearchParams({ fields: ORDER_FIELDS, id, limit: "1" })
  const result = await call<{ orders: RawOrder[] }>(`/store/orders?${query}`, { token })
  if (!result.ok) return result
  const [order] = result.value.orders
  if (!order || order.id !== id) return { ok: false, status: 404, message: "No such order." }
  return { ok: true, value: reshapeOrder(order) }
}
