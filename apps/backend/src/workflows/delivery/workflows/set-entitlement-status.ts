import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setEntitlementStatusStep } from "../steps/set-entitlement-status"

export const setEntitlementStatusWorkflowId = "set-entitlement-status"

/** Staff revoke or reinstate one entitlement from the order page. */
export const setEntitlementStatusWorkflow = createWorkflow(
  setEntitlementStatusWorkflowId,
  (input: { id: string; status: "active" | "revoked"; reason?: string }) => {
    const changed = setEntitlementStatusStep({ ids: [input.id], status: input.status, reason: input.reason })
    return new WorkflowResponse(changed)
  },
)
