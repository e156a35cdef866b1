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
    if (!input.ids?.length && !input.line_item_ids?.length) return new StepResponse([], null)
    const matching = await service.listEntitlements({
      ...(input.ids?.length ? { id: input.ids } : {}),
      ...(input.line_item_ids?.length ? { line_item_id: input.line_item_ids } : {}),
    })
    const changing = matching.filter((e) => e.status !== input.status)
    if (changing.length === 0) return new StepResponse([], null)
    const revoking = input.status === "revoked"
    await service.updateEntitlements(
      changing.map((e) => ({
        id: e.id,
        status: input.status,
        revoked_at: revoking ? new Date() : null,
        revoked_reason: revoking ? (input.reason ?? null) : null,
      })),
    )
    return new StepResponse(
      changing.map((e) => e.id),
      changing.map((e) => ({ id: e.id, status: e.status, revoked_at: e.revoked_at, revoked_reason: e.revoked_reason })),
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) return
    const service: DigitalFileModuleService = container.resolve(DIGITAL_FILE_MODULE)
    await service.updateEntitlements(previous)
  },
)
