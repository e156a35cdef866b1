import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DIGITAL_FILE_MODULE } from "../../../modules/digital-file"
import type DigitalFileModuleService from "../../../modules/digital-file/service"

/** Staff actions on a download answer an unknown id with a 404 rather than a quiet "nothing changed". */
export async function entitlementExists(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const files: DigitalFileModuleService = req.scope.resolve(DIGITAL_FILE_MODULE)
  const [found] = await files.listEntitlements({ id: req.params.id }, { select: ["id"] })
  if (!found) {
    res.status(404).json({ type: "not_found", message: `There is no download with id ${req.params.id}.` })
    return
  }
  next()
}
