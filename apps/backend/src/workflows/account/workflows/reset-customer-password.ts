import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { bumpSessionVersionStep, redeemResetTokenStep, setPasswordStep } from "../steps/customer-password"

export type ResetCustomerPasswordInput = { token: string; password: string }

export const resetCustomerPasswordWorkflowId = "reset-customer-password"

/** Sets a new password from an emailed reset link; every earlier session stops working. */
export const resetCustomerPasswordWorkflow = createWorkflow(resetCustomerPasswordWorkflowId, (input: ResetCustomerPasswordInput) => {
  const identity = redeemResetTokenStep({ token: input.token })
  setPasswordStep(transform({ identity, input }, ({ identity, input }) => ({ email: identity.email, password: input.password })))
  bumpSessionVersionStep(transform({ identity }, ({ identity }) => ({ auth_identity_id: identity.auth_identity_id })))
  return new WorkflowResponse(identity)
})
