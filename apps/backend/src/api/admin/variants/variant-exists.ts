import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** A file can only be uploaded for a variant that exists: anything else is a 404, before any upload link or record. */
export async function variantExists(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { id: req.params.id } })
  if (data.length === 0) {
    res.status(404).json({ type: "not_found", message: `There is no product variant with id ${req.params.id}.` })
    return
  }
  next()
}
