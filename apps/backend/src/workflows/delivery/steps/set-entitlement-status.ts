import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DIGITAL_FILE_MODULE } from "../../../modules/digital-file"
import type DigitalFileModuleService from "../../../modules/digital-file/service"

type Selector = { ids?: string[]; line_item_ids?: string[] }

/**
 * Revokes or reinstates entitlements, changing only those not already in that state; the
 * compensation puts exactly those back.
 */
export const setEntitlementStatusStep = createStep(
  "set-entitlement-status",
  async (input: Selector & { status: "active" | "revoked"; reason?: string }, { container }) => {
    const service: DigitalFileModuleService = container.resolve(DIGITAL_FILE_MODULE)
    const previous = await service.changeEntitlementStatus(input, input.status, input.reason ?? null)
    if (previous.length === 0) return new StepResponse([], null)
    return new StepResponse(
      previous.map((e) => e.id),
      previous.map(({ line_item_id: _line, ...rest }) => rest),
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) return
    const service: DigitalFileModuleService = container.resolve(DIGITAL_FILE_MODULE)
    await service.updateEntitlements(previous)
  },
)
