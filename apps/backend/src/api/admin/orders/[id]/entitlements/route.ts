import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { backendEnv } from "../../../../../lib/env"
import { DIGITAL_FILE_MODULE } from "../../../../../modules/digital-file"
import type DigitalFileModuleService from "../../../../../modules/digital-file/service"

/** An order's entitlements with their download log, for the order page in the admin. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const files: DigitalFileModuleService = req.scope.resolve(DIGITAL_FILE_MODULE)
  const entitlements = await files.listEntitlements(
    { order_id: req.params.id },
    { relations: ["digital_file", "downloads"], order: { created_at: "ASC" } },
  )
  res.json({
    // How many downloads each purchase allows; staff can reset a count that reached it.
    download_limit: backendEnv().DOWNLOAD_CAP_PER_ENTITLEMENT,
    entitlements: entitlements.map((e) => ({
      id: e.id,
      product_title: e.product_title,
      file_name: e.digital_file?.file_name ?? null,
      status: e.status,
      revoked_at: e.revoked_at,
      revoked_reason: e.revoked_reason,
      download_count: e.download_count,
      created_at: e.created_at,
      downloads: [...(e.downloads ?? [])]
        .sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))
        .map((d) => ({ id: d.id, at: d.created_at, ip_hash: d.ip_hash, user_agent: d.user_agent })),
    })),
  })
}
