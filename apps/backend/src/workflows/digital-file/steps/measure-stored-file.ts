import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_FILE_MODULE } from "../../../modules/digital-file"
import type DigitalFileModuleService from "../../../modules/digital-file/service"

export const measureStoredFileStepId = "measure-stored-file"

/** Reads the object back from the private bucket: its size and SHA-256 are what we stored. */
export const measureStoredFileStep = createStep(
  measureStoredFileStepId,
  async (input: { storage_key: string }, { container }) => {
    const service: DigitalFileModuleService = container.resolve(DIGITAL_FILE_MODULE)
    const stored = await service.privateBucket.describe(input.storage_key).catch((error: { name?: string; $metadata?: { httpStatusCode?: number } }) => {
      // Nothing at that key: the upload never finished (or was made elsewhere). Staff can act on that.
      if (error?.name === "NoSuchKey" || error?.$metadata?.httpStatusCode === 404) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "The uploaded file did not arrive in storage. Please upload it again.")
      }
      throw error
    })
    return new StepResponse(stored)
  },
)
