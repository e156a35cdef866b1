import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setEntitlementStatusWorkflow } from "../../../../../workflows/delivery/workflows/set-entitlement-status"
import type { AdminRevokeEntitlementType } from "../../validators"

export async function POST(req: AuthenticatedMedusaRequest<AdminRevokeEntitlementType>, res: MedusaResponse) {
  const { result } = await setEntitlementStatusWorkflow(req.scope).run({
    input: { id: req.params.id!, status: "revoked", reason: req.validatedBody.reason || "Revoked by staff" },
  })
  res.json({ changed: result.length })
}
