import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Medusa's `GET /store/orders/:id` answers anyone who has an order's id, with its email, items
 * and totals, and those ids travel in confirmation links. Here an order is shown only to the
 * signed-in customer who placed it (the route is behind `authenticate("customer", ...)`); anyone
 * else gets the same 404 as for an order that does not exist (ADR 0030).
 */
export async function ordersBelongToTheirBuyer(req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: req.params.id } })
  const order = data[0] as { customer_id?: string | null } | undefined
  if (!order || !order.customer_id || order.customer_id !== req.auth_context.actor_id) {
    res.status(404).json({ type: "not_found", message: `Order with id: ${req.params.id} was not found` })
    return
  }
  next()
}
