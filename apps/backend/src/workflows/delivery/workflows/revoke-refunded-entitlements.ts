import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findRefundedLinesStep } from "../steps/find-refunded-lines"
import { setEntitlementStatusStep } from "../steps/set-entitlement-status"

export const revokeRefundedEntitlementsWorkflowId = "revoke-refunded-entitlements"

/** A refund (Medusa's payment.refunded) revokes the entitlements of the order lines it covers. */
export const revokeRefundedEntitlementsWorkflow = createWorkflow(
  revokeRefundedEntitlementsWorkflowId,
  (input: { payment_id: string }) => {
    const refunded = findRefundedLinesStep(input)
    const revoked = setEntitlementStatusStep(
      transform({ refunded }, ({ refunded }) => ({
        line_item_ids: refunded.line_item_ids,
        status: "revoked" as const,
        reason: `Refunded (${refunded.refund_ids.join(", ")})`,
      })),
    )
    return new WorkflowResponse({ revoked, refunded })
  },
)
