import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_FILE_MODULE } from "../../../modules/digital-file"
import type DigitalFileModuleService from "../../../modules/digital-file/service"

export type CreateDigitalFileStepInput = {
  storage_key: string
  file_name: string
  content_type: string
  size: number
  sha256: string
}

export const createDigitalFileStepId = "create-digital-file"

export const createDigitalFileStep = createStep(
  createDigitalFileStepId,
  async (input: CreateDigitalFileStepInput, { container }) => {
    const service: DigitalFileModuleService = container.resolve(DIGITAL_FILE_MODULE)
    const file = await service.createDigitalFiles(input)
    return new StepResponse(file, file.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: DigitalFileModuleService = container.resolve(DIGITAL_FILE_MODULE)
    await service.deleteDigitalFiles(id)
  },
)
