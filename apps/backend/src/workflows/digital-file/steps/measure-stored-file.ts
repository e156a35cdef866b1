import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_FILE_MODULE } from "../../../modules/digital-file"
import type DigitalFileModuleService from "../../../modules/digital-file/service"

export const measureStoredFileStepId = "measure-stored-file"

/** Reads the object back from the private bucket: its size and SHA-256 are what we stored. */
export const measureStoredFileStep = createStep(
  measureStoredFileStepId,
  async (input: { storage_key: string }, { container }) => {
    const service: DigitalFileModuleService = container.resolve(DIGITAL_FILE_MODULE)
    const stored = await service.privateBucket.describe(input.storage_key)
    return new StepResponse(stored)
  },
)
