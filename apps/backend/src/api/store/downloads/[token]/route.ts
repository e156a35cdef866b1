import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createHmac } from "node:crypto"
import { clientIp } from "../../../../lib/client-ip"
import { backendEnv } from "../../../../lib/env"
import { noteOrderForReports } from "../../../../lib/monitoring"
import { DIGITAL_FILE_MODULE } from "../../../../modules/digital-file"
import type DigitalFileModuleService from "../../../../modules/digital-file/service"
import { SECURITY_MODULE } from "../../../../modules/security"
import type SecurityModuleService from "../../../../modules/security/service"

/** Presigned download URLs live 15 minutes (spec 2.2, step 6). */
export const DOWNLOAD_URL_TTL_SECONDS = 15 * 60

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

/**
 * A signed-in customer's download: checked (token and owner), counted, logged, and answered
 * with a 302 to a presigned URL minted for this request. Unknown, malformed and other people's
 * tokens all get the same 404, so tokens cannot be probed; the owner's revoked token gets 410.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const env = backendEnv()
  const customerId = req.auth_context.actor_id
  const security: SecurityModuleService = req.scope.resolve(SECURITY_MODULE)
  const rate = await security.consume(
    `download:customer:${customerId}`,
    env.DOWNLOAD_RATE_LIMIT_PER_CUSTOMER,
    env.DOWNLOAD_RATE_LIMIT_WINDOW_SECONDS,
  )
  if (!rate.allowed) {
    res.setHeader("Retry-After", String(rate.retryAfterSeconds))
    res.status(429).json({
      type: "too_many_requests",
      message: `Too many downloads in a short time. Try again in ${rate.retryAfterSeconds} seconds.`,
    })
    return
  }

  const token = String(req.params.token ?? "")
  const files: DigitalFileModuleService = req.scope.resolve(DIGITAL_FILE_MODULE)
  const ip = clientIp(req, env.STOREFRONT_PROXY_SECRET)
  const log = {
    // Keyed hash: the log can tell downloads from one address apart without keeping the address.
    ip_hash: createHmac("sha256", env.COOKIE_SECRET).update(ip).digest("hex").slice(0, 32),
    user_agent: (req.headers["user-agent"] ?? "").slice(0, 300) || null,
  }
  // Checked, counted and logged in one statement.
  const claim = UUID.test(token)
    ? await files.claimDownload(token.toLowerCase(), customerId, env.DOWNLOAD_CAP_PER_ENTITLEMENT, log)
    : ({ outcome: "not_found" } as const)

  switch (claim.outcome) {
    case "not_found":
      res.status(404).json({ type: "not_found", message: "There is no such download." })
      return
    case "revoked":
      res.status(410).json({
        type: "gone",
        message: "Access to this download has been withdrawn, usually after a refund. Contact us if this looks wrong.",
      })
      return
    case "limit_reached":
      res.status(429).json({
        type: "download_limit_reached",
        message: `This purchase has been downloaded ${claim.cap} times, its limit. Contact us and we will reset it.`,
      })
      return
  }

  noteOrderForReports(req, claim.order_id)
  const url = await files.privateBucket.presignDownload(
    claim.file.storage_key,
    { name: claim.file.file_name, contentType: claim.file.content_type },
    DOWNLOAD_URL_TTL_SECONDS,
  )
  res.setHeader("Cache-Control", "no-store")
  res.redirect(302, url)
}
