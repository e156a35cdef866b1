import type { Instrumentation } from "next"
import { env } from "./env"

/** Runs once when the server starts: a bad environment stops it with a clear message. */
export async function register() {
  env()
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServerMonitoring } = await import("./lib/monitoring")
    startServerMonitoring()
  }
}

/** Errors thrown while serving a request go to Sentry (when it is on), scrubbed. */
export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return
  const { reportRequestError } = await import("./lib/monitoring")
  reportRequestError(...args)
}
