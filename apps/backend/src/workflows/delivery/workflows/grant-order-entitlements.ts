import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildOrderConfirmationStep } from "../steps/build-order-confirmation"
import { findDigitalOrderLinesStep } from "../steps/find-digital-order-lines"
import { grantEntitlementsStep } from "../steps/grant-entitlements"

export const grantOrderEntitlementsWorkflowId = "grant-order-entitlements"

/**
 * Gives an order's buyer one entitlement per digital line, then emails the order confirmation
 * with the links. Safe to run any number of times: grants are unique per line, and the email's
 * idempotency key lets the notification module send it once. A failed email never takes the
 * entitlements back (it does not compensate them).
 */
export const grantOrderEntitlementsWorkflow = createWorkflow(grantOrderEntitlementsWorkflowId, (input: { order_id: string }) => {
  const grants = findDigitalOrderLinesStep(input)
  const created = grantEntitlementsStep(grants)
  // After the grant (a data dependency keeps the order), so the email lists every entitlement.
  const confirmation = buildOrderConfirmationStep(transform({ input, created }, ({ input }) => ({ order_id: input.order_id })))
  sendNotificationsStep(confirmation).config({ name: "send-order-confirmation", continueOnPermanentFailure: true })
  return new WorkflowResponse(created)
})
