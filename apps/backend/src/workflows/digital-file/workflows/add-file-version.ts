import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_FILE_MODULE } from "../../../modules/digital-file"
import { addFileVersionStep } from "../steps/add-file-version"
import { measureStoredFileStep } from "../steps/measure-stored-file"

export type AddFileVersionWorkflowInput = { variant_id: string; storage_key: string; file_name: string; content_type: string }

const findVariantFileStep = createStep("find-variant-digital-file", async (input: { variant_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "digital_file.id"], filters: { id: input.variant_id } })
  return new StepResponse((data[0] as { digital_file?: { id: string } | null } | undefined)?.digital_file?.id ?? null)
})

export const addFileVersionWorkflowId = "add-digital-file-version"

/**
 * An upload that reached the private bucket becomes the variant's current file version. Size and
 * SHA-256 are measured by streaming the stored object, never taken from the uploader.
 */
export const addFileVersionWorkflow = createWorkflow(addFileVersionWorkflowId, (input: AddFileVersionWorkflowInput) => {
  const existing = findVariantFileStep({ variant_id: input.variant_id })
  const measured = measureStoredFileStep({ storage_key: input.storage_key })
  const added = addFileVersionStep(
    transform({ input, existing, measured }, ({ input, existing, measured }) => ({
      digital_file_id: existing,
      storage_key: input.storage_key,
      file_name: input.file_name,
      content_type: input.content_type,
      size: measured.size,
      sha256: measured.sha256,
    })),
  )
  when({ added }, ({ added }) => added.created_file).then(() => {
    createRemoteLinkStep(
      transform({ input, added }, ({ input, added }) => [
        { [Modules.PRODUCT]: { product_variant_id: input.variant_id }, [DIGITAL_FILE_MODULE]: { digital_file_id: added.file_id } },
      ]),
    )
  })
  const result = transform({ added, measured }, ({ added, measured }) => ({ ...added, size: measured.size, sha256: measured.sha256 }))
  return new WorkflowResponse(result)
})
