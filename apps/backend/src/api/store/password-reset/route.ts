import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resetCustomerPasswordWorkflow } from "../../../workflows/account/workflows/reset-customer-password"
import type { StoreResetPasswordType } from "../account-validators"

/** Completes a customer password reset with the emailed single-use token. */
export async function POST(req: MedusaRequest<StoreResetPasswordType>, res: MedusaResponse) {
  await resetCustomerPasswordWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(200).json({ success: true })
}
