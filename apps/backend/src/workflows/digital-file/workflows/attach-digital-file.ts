import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_FILE_MODULE } from "../../../modules/digital-file"
import { createDigitalFileStep } from "../steps/create-digital-file"
import { measureStoredFileStep } from "../steps/measure-stored-file"

export type AttachDigitalFileInput = {
  variant_id: string
  /** Key of an object already in the private bucket. */
  storage_key: string
  file_name: string
  content_type: string
}

export const attachDigitalFileWorkflowId = "attach-digital-file"

/**
 * Records an object already stored in the private bucket as the file a variant delivers.
 * Size and SHA-256 are measured from the bucket, never taken from the caller.
 */
export const attachDigitalFileWorkflow = createWorkflow(
  attachDigitalFileWorkflowId,
  (input: AttachDigitalFileInput) => {
    const measured = measureStoredFileStep({ storage_key: input.storage_key })
    const file = createDigitalFileStep(
      transform({ input, measured }, ({ input, measured }) => ({
        storage_key: input.storage_key,
        file_name: input.file_name,
        content_type: input.content_type,
        size: measured.size,
        sha256: measured.sha256,
      })),
    )
    const links = transform({ input, file }, ({ input, file }) => [
      {
        [Modules.PRODUCT]: { product_variant_id: input.variant_id },
        [DIGITAL_FILE_MODULE]: { digital_file_id: file.id },
      },
    ])
    createRemoteLinkStep(links)
    return new WorkflowResponse(file)
  },
)
