import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { randomUUID } from "node:crypto"
import { DIGITAL_FILE_MODULE } from "../../../../../../modules/digital-file"
import type DigitalFileModuleService from "../../../../../../modules/digital-file/service"
import type { AdminCreateUploadType } from "../../../../digital-files/validators"

const UPLOAD_URL_TTL_SECONDS = 15 * 60

/**
 * Where the admin uploads a new file version: a presigned PUT straight to the private bucket
 * (the file never passes through the backend). Register it afterwards with `versions`.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateUploadType>, res: MedusaResponse) {
  const files: DigitalFileModuleService = req.scope.resolve(DIGITAL_FILE_MODULE)
  const storageKey = `variants/${req.params.id}/${randomUUID()}/${req.validatedBody.file_name}`
  const uploadUrl = await files.privateBucket.presignUpload(storageKey, UPLOAD_URL_TTL_SECONDS)
  res.status(201).json({ upload_url: uploadUrl, storage_key: storageKey, expires_in: UPLOAD_URL_TTL_SECONDS })
}
