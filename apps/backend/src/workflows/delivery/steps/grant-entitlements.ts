import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_FILE_MODULE } from "../../../modules/digital-file"
import type DigitalFileModuleService from "../../../modules/digital-file/service"
import type { EntitlementGrant } from "../../../modules/digital-file/service"

/** Creates the entitlements that do not exist yet; compensation removes only those it created. */
export const grantEntitlementsStep = createStep(
  "grant-entitlements",
  async (grants: EntitlementGrant[], { container }) => {
    const service: DigitalFileModuleService = container.resolve(DIGITAL_FILE_MODULE)
    const created = await service.grantEntitlements(grants)
    return new StepResponse(created, created)
  },
  async (created, { container }) => {
    if (!created?.length) return
    const service: DigitalFileModuleService = container.resolve(DIGITAL_FILE_MODULE)
    await service.deleteEntitlements(created)
  },
)
