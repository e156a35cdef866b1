import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { addFileVersionWorkflow } from "../../../../../../workflows/digital-file/workflows/add-file-version"
import type { AdminAddFileVersionType } from "../../../../digital-files/validators"

/** Registers an uploaded object as the variant's new current version (SHA-256 measured here). */
export async function POST(req: AuthenticatedMedusaRequest<AdminAddFileVersionType>, res: MedusaResponse) {
  const variantId = req.params.id!
  if (!req.validatedBody.storage_key.startsWith(`variants/${variantId}/`)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "That upload was not made for this variant")
  }
  const { result } = await addFileVersionWorkflow(req.scope).run({ input: { variant_id: variantId, ...req.validatedBody } })
  res.status(201).json({ version: result })
}
