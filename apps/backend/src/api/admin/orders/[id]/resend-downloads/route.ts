import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resendOrderDownloadsWorkflow } from "../../../../../workflows/delivery/workflows/resend-order-downloads"

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await resendOrderDownloadsWorkflow(req.scope).run({
    input: { order_id: req.params.id!, requested_at: new Date().toISOString() },
  })
  res.json({ sent: result.length })
}
