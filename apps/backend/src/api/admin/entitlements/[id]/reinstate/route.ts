import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setEntitlementStatusWorkflow } from "../../../../../workflows/delivery/workflows/set-entitlement-status"

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await setEntitlementStatusWorkflow(req.scope).run({ input: { id: req.params.id!, status: "active" } })
  res.json({ changed: result.length })
}
