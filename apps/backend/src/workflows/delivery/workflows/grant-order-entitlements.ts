import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findDigitalOrderLinesStep } from "../steps/find-digital-order-lines"
import { grantEntitlementsStep } from "../steps/grant-entitlements"

export const grantOrderEntitlementsWorkflowId = "grant-order-entitlements"

/** Gives an order's buyer one entitlement per digital line; safe to run any number of times. */
export const grantOrderEntitlementsWorkflow = createWorkflow(grantOrderEntitlementsWorkflowId, (input: { order_id: string }) => {
  const grants = findDigitalOrderLinesStep(input)
  const created = grantEntitlementsStep(grants)
  return new WorkflowResponse(created)
})
