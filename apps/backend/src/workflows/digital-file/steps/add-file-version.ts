import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_FILE_MODULE } from "../../../modules/digital-file"
import type DigitalFileModuleService from "../../../modules/digital-file/service"

export type AddFileVersionInput = {
  /** The variant's digital file, or null when the variant has none yet. */
  digital_file_id: string | null
  storage_key: string
  file_name: string
  content_type: string
  size: number
  sha256: string
}

type Undo = { version_id: string; created_file_id: string | null; previous: Record<string, unknown> | null }

const currentFields = (v: { storage_key: string; file_name: string; content_type: string; size: unknown; sha256: string; number: number }) => ({
  storage_key: v.storage_key,
  file_name: v.file_name,
  content_type: v.content_type,
  size: Number(v.size),
  sha256: v.sha256,
  current_version: v.number,
})

/** Records an uploaded object as the next version and makes it current; old versions stay. */
export const addFileVersionStep = createStep(
  "add-file-version",
  async (input: AddFileVersionInput, { container }) => {
    const service: DigitalFileModuleService = container.resolve(DIGITAL_FILE_MODULE)
    const fields = { storage_key: input.storage_key, file_name: input.file_name, content_type: input.content_type, size: input.size, sha256: input.sha256 }
    if (!input.digital_file_id) {
      const file = await service.createDigitalFiles({ ...fields, current_version: 1 })
      const version = await service.createDigitalFileVersions({ ...fields, number: 1, digital_file_id: file.id })
      return new StepResponse({ file_id: file.id, version_id: version.id, number: 1, created_file: true }, {
        version_id: version.id,
        created_file_id: file.id,
        previous: null,
      } as Undo)
    }
    const file = await service.retrieveDigitalFile(input.digital_file_id, { relations: ["versions"] })
    if (!file) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No such digital file")
    const number = Math.max(0, ...(file.versions ?? []).map((v) => v.number)) + 1
    const version = await service.createDigitalFileVersions({ ...fields, number, digital_file_id: file.id })
    const previous = currentFields({ ...file, number: file.current_version })
    await service.updateDigitalFiles({ id: file.id, ...fields, current_version: number })
    return new StepResponse({ file_id: file.id, version_id: version.id, number, created_file: false }, {
      version_id: version.id,
      created_file_id: null,
      previous: { id: file.id, ...previous },
    } as Undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: DigitalFileModuleService = container.resolve(DIGITAL_FILE_MODULE)
    await service.deleteDigitalFileVersions(undo.version_id)
    if (undo.created_file_id) await service.deleteDigitalFiles(undo.created_file_id)
    if (undo.previous) await service.updateDigitalFiles(undo.previous as { id: string })
  },
)

/** Makes an earlier (or later) version current again. */
export const setCurrentVersionStep = createStep(
  "set-current-file-version",
  async (input: { digital_file_id: string; version_id: string }, { container }) => {
    const service: DigitalFileModuleService = container.resolve(DIGITAL_FILE_MODULE)
    const [version] = await service.listDigitalFileVersions({ id: input.version_id, digital_file_id: input.digital_file_id })
    if (!version) throw new MedusaError(MedusaError.Types.NOT_FOUND, "That version does not belong to this file")
    const file = await service.retrieveDigitalFile(input.digital_file_id)
    await service.updateDigitalFiles({ id: file.id, ...currentFields(version) })
    return new StepResponse(version, { id: file.id, ...currentFields({ ...file, number: file.current_version }) })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<DigitalFileModuleService>(DIGITAL_FILE_MODULE).updateDigitalFiles(previous)
  },
)
