import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setCurrentVersionWorkflow } from "../../../../../workflows/digital-file/workflows/set-current-version"
import type { AdminSetCurrentVersionType } from "../../validators"

export async function POST(req: AuthenticatedMedusaRequest<AdminSetCurrentVersionType>, res: MedusaResponse) {
  const { result } = await setCurrentVersionWorkflow(req.scope).run({
    input: { digital_file_id: req.params.id!, version_id: req.validatedBody.version_id },
  })
  res.json({ current_version: result.number })
}
