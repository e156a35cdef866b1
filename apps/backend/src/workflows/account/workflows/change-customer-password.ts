import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { bumpSessionVersionStep, findPasswordIdentityStep, setPasswordStep, verifyPasswordStep } from "../steps/customer-password"

export type ChangeCustomerPasswordInput = { auth_identity_id: string; current_password: string; new_password: string }

export const changeCustomerPasswordWorkflowId = "change-customer-password"

/** A signed-in customer changes their password; every earlier session stops working. */
export const changeCustomerPasswordWorkflow = createWorkflow(changeCustomerPasswordWorkflowId, (input: ChangeCustomerPasswordInput) => {
  const identity = findPasswordIdentityStep({ auth_identity_id: input.auth_identity_id })
  verifyPasswordStep(transform({ identity, input }, ({ identity, input }) => ({ email: identity.email, password: input.current_password })))
  setPasswordStep(transform({ identity, input }, ({ identity, input }) => ({ email: identity.email, password: input.new_password })))
  bumpSessionVersionStep({ auth_identity_id: input.auth_identity_id })
  return new WorkflowResponse(identity)
})
