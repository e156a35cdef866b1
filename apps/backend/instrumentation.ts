import { startMonitoring } from "./src/lib/monitoring"

/** `medusa start` runs this before the app loads: error reports start first (off without SENTRY_DSN). */
export function register() {
  startMonitoring()
}
