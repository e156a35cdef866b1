import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DIGITAL_FILE_MODULE } from "../../../../../modules/digital-file"
import type DigitalFileModuleService from "../../../../../modules/digital-file/service"

/** Staff give a customer who reached the download limit their full allowance again (the log stays). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const files: DigitalFileModuleService = req.scope.resolve(DIGITAL_FILE_MODULE)
  await files.resetDownloadCount(req.params.id!)
  res.json({ id: req.params.id, download_count: 0 })
}
