/**
 * Error reports from the browser (Sentry), only when NEXT_PUBLIC_SENTRY_DSN was set at build.
 * The SDK loads after the page is interactive, in its own chunk: reporting must not cost a buyer
 * first-load JavaScript. (An error before it loads is not reported; ADR 0025.)
 */
const dsn = process.env.NEXT_PUBLIC_SENTRY_DSN

if (dsn) {
  const start = () =>
    void import("./lib/browser-monitoring").then(({ startBrowserMonitoring }) => startBrowserMonitoring(dsn))
  if (document.readyState === "complete") start()
  else window.addEventListener("load", start, { once: true })
}
