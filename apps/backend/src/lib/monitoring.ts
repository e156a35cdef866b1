import * as Sentry from "@sentry/node"
import { privacySafeOptions } from "@vespertene/monitoring"
import { backendEnv } from "./env"

/**
 * Error reports to Sentry (spec 2.4). Off without SENTRY_DSN. Every event passes the shared
 * scrubber, so a report never carries a cookie, a token, a secret or an email address; what it
 * does carry is the area (download, webhook, fulfilment, checkout, http) and our own order id.
 */
let started: boolean | undefined

export function startMonitoring(): boolean {
  if (started !== undefined) return started
  const env = backendEnv()
  started = Boolean(env.SENTRY_DSN)
  if (!env.SENTRY_DSN) return false
  Sentry.init({
    dsn: env.SENTRY_DSN,
    environment: env.APP_ENV,
    release: env.SENTRY_RELEASE,
    // Errors only: performance is measured in bench/, not sampled in production.
    tracesSampleRate: 0,
    ...privacySafeOptions,
  })
  return true
}

export type ReportArea = "download" | "webhook" | "fulfilment" | "checkout" | "refund" | "http"

export type ReportContext = {
  area: ReportArea
  orderId?: string | null
  /** Other ids of ours that help (cart_…, pay_…, ent_…); never tokens or customer details. */
  ids?: Record<string, string | null | undefined>
  /** The request being served, when there is one: its method and path (scrubbed) go along. */
  request?: { method?: string; originalUrl?: string; url?: string; headers?: Record<string, unknown> }
}

const reported = new WeakSet<object>()

/** Sends one error to Sentry with its context, once however many layers see it; a no-op when off. */
export function reportError(error: unknown, context: ReportContext): void {
  if (!startMonitoring()) return
  if (typeof error === "object" && error !== null) {
    if (reported.has(error)) return
    reported.add(error)
  }
  Sentry.withScope((scope) => {
    scope.setTag("area", context.area)
    if (context.orderId) scope.setTag("order_id", context.orderId)
    for (const [name, value] of Object.entries(context.ids ?? {})) if (value) scope.setTag(name, value)
    const request = context.request
    if (request) {
      scope.addEventProcessor((event) => ({
        ...event,
        request: {
          method: request.method,
          url: request.originalUrl ?? request.url,
          headers: Object.fromEntries(Object.entries(request.headers ?? {}).map(([name, value]) => [name, String(value)])),
        },
      }))
    }
    Sentry.captureException(asError(error))
  })
}

/**
 * Workflows hand their step's error on as a plain object; Sentry wants an Error to group by
 * type and message, so one is rebuilt with the original stack.
 */
function asError(error: unknown): unknown {
  if (error instanceof Error || typeof error !== "object" || error === null || !("message" in error)) return error
  const { message, name, stack } = error as { message: unknown; name?: unknown; stack?: unknown }
  const rebuilt = new Error(String(message))
  if (typeof name === "string") rebuilt.name = name
  if (typeof stack === "string") rebuilt.stack = stack
  return rebuilt
}

/** Runs background work (a subscriber, a job step) and reports what it throws before rethrowing. */
export async function reportingErrors<T>(context: ReportContext, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    reportError(error, context)
    throw error
  }
}

/** Waits (bounded) until queued reports are sent: tests, and a process about to exit. */
export async function flushReports(timeoutMs = 2000): Promise<boolean> {
  return started ? Sentry.flush(timeoutMs) : true
}

/** Which area of ours a failing request belongs to, by its path. */
export function areaOfPath(path: string): ReportArea {
  if (path.startsWith("/store/downloads") || path.startsWith("/store/library")) return "download"
  if (path.startsWith("/hooks/")) return "webhook"
  if (path.startsWith("/store/carts") || path.startsWith("/store/payment")) return "checkout"
  return "http"
}

const ordersOfRequests = new WeakMap<object, string>()

/** A route notes the order it is serving, so an error after that point is reported with it. */
export function noteOrderForReports(req: object, orderId: string | null | undefined) {
  if (orderId) ordersOfRequests.set(req, orderId)
}

export function orderOfRequest(req: object): string | undefined {
  return ordersOfRequests.get(req)
}
