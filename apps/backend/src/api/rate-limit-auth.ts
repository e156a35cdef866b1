import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { backendEnv } from "../lib/env"
import { clientIp } from "../lib/client-ip"
import { SECURITY_MODULE } from "../modules/security"
import type SecurityModuleService from "../modules/security/service"

/** The auth routes worth guessing at: sign-in, registration and reset requests, for customers and staff. */
const LIMITED: Array<[RegExp, string]> = [
  [/^\/auth\/(customer|user)\/emailpass\/?$/, "sign-in"],
  [/^\/auth\/customer\/emailpass\/register\/?$/, "register"],
  [/^\/auth\/(customer|user)\/emailpass\/reset-password\/?$/, "reset"],
]

/**
 * Throttles guessing: per client IP and per account, in fixed windows counted in the database
 * (shared by every backend process). Over the limit: 429 with Retry-After.
 */
export async function rateLimitAuth(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const path = req.originalUrl.split("?")[0] ?? ""
  const action = LIMITED.find(([pattern]) => pattern.test(path))?.[1]
  if (!action) return next()
  const env = backendEnv()
  const security: SecurityModuleService = req.scope.resolve(SECURITY_MODULE)
  const window = env.AUTH_RATE_LIMIT_WINDOW_SECONDS
  const actor = path.split("/")[2]
  const body = (req.body ?? {}) as { email?: unknown; identifier?: unknown }
  const account = String(body.email ?? body.identifier ?? "").trim().toLowerCase()

  const checks: Array<[string, number]> = [[`${action}:${actor}:ip:${clientIp(req, env.STOREFRONT_PROXY_SECRET)}`, env.AUTH_RATE_LIMIT_PER_IP]]
  if (account) checks.push([`${action}:${actor}:account:${account}`, env.AUTH_RATE_LIMIT_PER_ACCOUNT])

  for (const [key, limit] of checks) {
    const verdict = await security.consume(key, limit, window)
    if (!verdict.allowed) {
      res.setHeader("Retry-After", String(verdict.retryAfterSeconds))
      res.status(429).json({
        type: "too_many_requests",
        message: `Too many attempts. Try again in ${verdict.retryAfterSeconds} seconds.`,
      })
      return
    }
  }
  next()
}
