import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DIGITAL_FILE_MODULE } from "../../../../../modules/digital-file"
import type DigitalFileModuleService from "../../../../../modules/digital-file/service"

/**
 * The signed-in customer's downloads library, newest purchase first; `?order_id=` keeps one
 * order's files (an order page shows them however long the library grows).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const orderId = req.query.order_id
  if (orderId !== undefined && (typeof orderId !== "string" || orderId === "")) {
    res.status(400).json({ type: "invalid_data", message: "order_id must be one order's id." })
    return
  }
  const files: DigitalFileModuleService = req.scope.resolve(DIGITAL_FILE_MODULE)
  const entitlements = await files.listEntitlements(
    { customer_id: req.auth_context.actor_id, ...(orderId ? { order_id: orderId } : {}) },
    {
      relations: ["digital_file"],
      order: { created_at: "DESC" },
      take: 500,
    },
  )
  res.json({
    downloads: entitlements.map((e) => ({
      token: e.token,
      order_id: e.order_id,
      product_title: e.product_title,
      file_name: e.digital_file?.file_name ?? null,
      size: e.digital_file ? Number(e.digital_file.size) : null,
      version: e.digital_file?.current_version ?? null,
      status: e.status,
      download_count: e.download_count,
      purchased_at: e.created_at,
    })),
  })
}
