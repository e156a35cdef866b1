import { defineMiddlewares, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"

/**
 * What the store may read of a variant's digital file: what a buyer sees before paying.
 * Named fields only: allowing the relation itself would let `*variants.digital_file` read
 * the storage key too.
 */
export const STORE_DIGITAL_FILE_FIELDS = [
  "variants.digital_file.id",
  "variants.digital_file.file_name",
  "variants.digital_file.content_type",
  "variants.digital_file.size",
  "variants.digital_file.sha256",
]

function allowDigitalFileFields(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  req.allowed = [...(req.allowed ?? []), ...STORE_DIGITAL_FILE_FIELDS]
  next()
}

export default defineMiddlewares({
  routes: [
    // A wildcard matcher sorts before Medusa's own route middlewares, so the fields are
    // allowed by the time its query validation runs.
    { matcher: "/store/products*", method: "GET", middlewares: [allowDigitalFileFields] },
  ],
})
