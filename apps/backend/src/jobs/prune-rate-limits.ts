import type { MedusaContainer } from "@medusajs/framework/types"
import { SECURITY_MODULE } from "../modules/security"
import type SecurityModuleService from "../modules/security/service"

/** Rate-limit counters are only useful within their window: drop those a day old. */
export default async function pruneRateLimits(container: MedusaContainer) {
  const security: SecurityModuleService = container.resolve(SECURITY_MODULE)
  await security.pruneBuckets(24 * 60 * 60)
}

export const config = { name: "prune-rate-limits", schedule: "17 3 * * *" }
