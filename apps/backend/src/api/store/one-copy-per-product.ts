import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

const refuse = (res: MedusaResponse, message: string) => res.status(400).json({ type: "invalid_data", message })

/**
 * A digital product is sold as one copy per order line: a cart line's quantity is always 1, and
 * adding a product that is already in the cart is refused (Medusa would raise its quantity).
 */
export async function oneCopyPerProduct(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as { quantity?: unknown; variant_id?: unknown }
  if (body.quantity !== undefined && body.quantity !== 1) {
    return refuse(res, "Each product can be bought once per order: the quantity is always 1.")
  }
  const lineId = req.params.line_id
  if (lineId || typeof body.variant_id !== "string") return next()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["items.variant_id"], filters: { id: req.params.id } })
  if (data[0]?.items?.some((item) => item?.variant_id === body.variant_id)) {
    return refuse(res, "This product is already in your cart.")
  }
  next()
}
