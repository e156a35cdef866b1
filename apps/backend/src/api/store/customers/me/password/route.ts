import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeCustomerPasswordWorkflow } from "../../../../../workflows/account/workflows/change-customer-password"
import type { StoreChangePasswordType } from "../../../account-validators"

/** Changes the signed-in customer's password. Every session, this one included, ends: sign in again. */
export async function POST(req: AuthenticatedMedusaRequest<StoreChangePasswordType>, res: MedusaResponse) {
  await changeCustomerPasswordWorkflow(req.scope).run({
    input: { auth_identity_id: req.auth_context.auth_identity_id, ...req.validatedBody },
  })
  res.status(200).json({ success: true })
}
