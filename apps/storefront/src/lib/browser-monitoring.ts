import * as Sentry from "@sentry/nextjs"
import { privacySafeOptions } from "@vespertene/monitoring"

/** The browser's Sentry: uncaught errors and rejections, scrubbed like the server's. */
export function startBrowserMonitoring(dsn: string) {
  Sentry.init({
    dsn,
    tracesSampleRate: 0,
    // Errors only: no session replay, no performance tracing, no user feedback widget.
    defaultIntegrations: false,
    integrations: [
      Sentry.globalHandlersIntegration(),
      Sentry.linkedErrorsIntegration(),
      Sentry.dedupeIntegration(),
      Sentry.browserApiErrorsIntegration(),
    ],
    ...privacySafeOptions,
  })
  Sentry.setTag("area", "browser")
}
