import "server-only"
import * as Sentry from "@sentry/nextjs"
import { privacySafeOptions } from "@vespertene/monitoring"
import { env } from "@/env"

/**
 * Error reports from the storefront's server (Sentry). Off without NEXT_PUBLIC_SENTRY_DSN. Every
 * event passes the scrubber shared with the backend: no cookie, token or email address leaves.
 */
export type ReportArea = "download" | "checkout" | "account" | "catalogue"

export function startServerMonitoring() {
  const { NEXT_PUBLIC_SENTRY_DSN: dsn, APP_ENV } = env()
  if (!dsn) return
  Sentry.init({ dsn, environment: APP_ENV, tracesSampleRate: 0, ...privacySafeOptions })
}

export function areaOfPath(path: string): ReportArea {
  if (path.startsWith("/downloads/") || path.startsWith("/account/downloads")) return "download"
  if (path.startsWith("/checkout") || path.startsWith("/cart")) return "checkout"
  if (path.startsWith("/account") || path.startsWith("/order/")) return "account"
  return "catalogue"
}

/** Reports an error the storefront handled itself (it showed the customer a way on). */
export function reportError(error: unknown, context: { area: ReportArea; orderId?: string }) {
  if (!env().NEXT_PUBLIC_SENTRY_DSN) return
  Sentry.withScope((scope) => {
    scope.setTag("area", context.area)
    if (context.orderId) scope.setTag("order_id", context.orderId)
    Sentry.captureException(error)
  })
}

/** Next calls this for every error a page, route handler, server action or the proxy throws. */
export function reportRequestError(...[error, request, context]: Parameters<typeof Sentry.captureRequestError>) {
  if (!env().NEXT_PUBLIC_SENTRY_DSN) return
  Sentry.withScope((scope) => {
    scope.setTag("area", areaOfPath(request.path))
    Sentry.captureRequestError(error, request, context)
  })
}
