import {
  authenticate,
  defineMiddlewares,
  errorHandler,
  getHttpResponseFromError,
  validateAndTransformBody,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { customerClaims } from "../lib/customer-token"
import { backendEnv } from "../lib/env"
import { areaOfPath, orderOfRequest, reportError } from "../lib/monitoring"
import { onlyInvitedRegistrations } from "./private-mode"
import { oneCopyPerProduct } from "./store/one-copy-per-product"
import { ordersBelongToTheirBuyer } from "./store/orders-belong-to-their-buyer"
import { paymentsNeedAnAccount } from "./store/payments-need-an-account"
import { rateLimitAuth } from "./rate-limit-auth"
import { AdminAddFileVersion, AdminCreateUpload, AdminSetCurrentVersion } from "./admin/digital-files/validators"
import { entitlementExists } from "./admin/entitlements/entitlement-exists"
import { AdminNoOptions, AdminRevokeEntitlement } from "./admin/entitlements/validators"
import { variantExists } from "./admin/variants/variant-exists"
import { StoreChangePassword, StoreResetPassword } from "./store/account-validators"

/**
 * What the store may read of a variant's digital file: what a buyer sees before paying.
 * Named fields only: allowing the relation itself would let `*variants.digital_file` read
 * the storage key too.
 */
export const STORE_DIGITAL_FILE_FIELDS = [
  "variants.digital_file.id",
  "variants.digital_file.file_name",
  "variants.digital_file.content_type",
  "variants.digital_file.size",
  "variants.digital_file.sha256",
]

function allowDigitalFileFields(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  req.allowed = [...(req.allowed ?? []), ...STORE_DIGITAL_FILE_FIELDS]
  next()
}

type SessionClaims = { auth_identity_id?: string; purpose?: string; app_metadata?: { session_version?: number } }

/**
 * A customer's token carries the session version of its auth identity at sign-in; a password
 * change or reset raises the version, so every token issued before it is refused here.
 */
async function rejectEndedSessions(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const header = req.headers.authorization
  if (!header?.toLowerCase().startsWith("bearer ")) return next()
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const claims = customerClaims<SessionClaims>(header, http)
  // Invalid tokens, and reset tokens, are Medusa's own authentication's to refuse.
  if (!claims?.auth_identity_id || claims.purpose) return next()
  const identity = await req.scope
    .resolve(Modules.AUTH)
    .retrieveAuthIdentity(claims.auth_identity_id, { select: ["id", "app_metadata"] })
    .catch(() => null)
  const current = Number(identity?.app_metadata?.session_version ?? 0)
  const carried = Number(claims.app_metadata?.session_version ?? 0)
  if (!identity || carried < current) {
    res.status(401).json({ type: "unauthorized", message: "This session has ended. Please sign in again." })
    return
  }
  next()
}

/**
 * Medusa waits a fixed 5 s before processing a payment webhook (it reads its payment module's
 * unset `options`). Tests shorten that with PAYMENT_WEBHOOK_DELAY_MS, which env.ts refuses
 * outside development and test.
 */
function shortWebhookDelayInTests(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const delay = backendEnv().PAYMENT_WEBHOOK_DELAY_MS
  if (delay !== undefined) {
    const payment = req.scope.resolve(Modules.PAYMENT) as { options?: Record<string, unknown> }
    payment.options = { ...payment.options, webhook_delay: Math.max(delay, 1) }
  }
  next()
}

const medusaErrorHandler = errorHandler()

/**
 * Medusa's own error responses, plus a report to Sentry for every error that becomes a 5xx
 * (4xx are the caller's mistakes, not ours): with the area, the order the route was serving,
 * and the method and path, all through the scrubber.
 */
function reportingErrorHandler(err: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (getHttpResponseFromError(err).statusCode >= 500) {
    reportError(err, { area: areaOfPath(req.path), orderId: orderOfRequest(req), request: req })
  }
  return medusaErrorHandler(err, req, res, next)
}

export default defineMiddlewares({
  errorHandler: reportingErrorHandler,
  routes: [
    // Wildcard matchers sort before Medusa's own route middlewares, so these run first.
    { matcher: "/store/*", middlewares: [rejectEndedSessions] },
    { matcher: "/auth/*", method: "POST", middlewares: [rateLimitAuth] },
    { matcher: "/auth/customer/emailpass/register", method: "POST", middlewares: [onlyInvitedRegistrations] },
    { matcher: "/store/customers", method: "POST", middlewares: [onlyInvitedRegistrations] },
    { matcher: "/store/products*", method: "GET", middlewares: [allowDigitalFileFields] },
    {
      matcher: "/store/customers/me/password",
      method: "POST",
      middlewares: [authenticate("customer", ["bearer"]), validateAndTransformBody(StoreChangePassword)],
    },
    { matcher: "/store/carts/:id/line-items", method: "POST", middlewares: [oneCopyPerProduct] },
    { matcher: "/store/carts/:id/line-items/:line_id", method: "POST", middlewares: [oneCopyPerProduct] },
    { matcher: "/store/payment-collections", method: "POST", middlewares: [paymentsNeedAnAccount] },
    { matcher: "/store/payment-collections/:id/payment-sessions", method: "POST", middlewares: [paymentsNeedAnAccount] },
    { matcher: "/hooks/payment/*", method: "POST", middlewares: [shortWebhookDelayInTests] },
    { matcher: "/store/downloads/:token", method: "GET", middlewares: [authenticate("customer", ["bearer"])] },
    { matcher: "/store/customers/me/downloads", method: "GET", middlewares: [authenticate("customer", ["bearer"])] },
    { matcher: "/store/orders/:id", method: "GET", middlewares: [authenticate("customer", ["bearer", "session"]), ordersBelongToTheirBuyer] },
    { matcher: "/admin/variants/:id/digital-file/uploads", method: "POST", middlewares: [validateAndTransformBody(AdminCreateUpload), variantExists] },
    { matcher: "/admin/variants/:id/digital-file/versions", method: "POST", middlewares: [validateAndTransformBody(AdminAddFileVersion), variantExists] },
    { matcher: "/admin/digital-files/:id/current", method: "POST", middlewares: [validateAndTransformBody(AdminSetCurrentVersion)] },
    { matcher: "/admin/entitlements/:id/revoke", method: "POST", middlewares: [validateAndTransformBody(AdminRevokeEntitlement), entitlementExists] },
    { matcher: "/admin/entitlements/:id/reinstate", method: "POST", middlewares: [validateAndTransformBody(AdminNoOptions), entitlementExists] },
    { matcher: "/admin/entitlements/:id/reset-downloads", method: "POST", middlewares: [validateAndTransformBody(AdminNoOptions), entitlementExists] },
    {
      matcher: "/store/password-reset",
      method: "POST",
      middlewares: [validateAndTransformBody(StoreResetPassword)],
    },
  ],
})
