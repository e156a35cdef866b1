import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DIGITAL_FILE_MODULE } from "../../../../../modules/digital-file"
import type DigitalFileModuleService from "../../../../../modules/digital-file/service"
import { resendOrderDownloadsWorkflow } from "../../../../../workflows/delivery/workflows/resend-order-downloads"

/** Staff send the download email again: only the files the buyer may still download. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const files: DigitalFileModuleService = req.scope.resolve(DIGITAL_FILE_MODULE)
  const active = await files.listEntitlements({ order_id: req.params.id!, status: "active" }, { select: ["id"] })
  if (active.length === 0) {
    res.status(409).json({
      type: "conflict",
      message: "This order has no downloads the customer may use (none yet, or all revoked). Reinstate one to send the email.",
    })
    return
  }
  const { result } = await resendOrderDownloadsWorkflow(req.scope).run({
    input: { order_id: req.params.id!, requested_at: new Date().toISOString() },
  })
  res.json({ sent: result.length, to: result[0]?.to ?? null })
}
