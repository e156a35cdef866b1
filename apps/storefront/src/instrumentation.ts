import type { Instrumentation } from "next"
import { env } from "./env"
import { checkBuildMatchesPrivateMode, PRIVATE_BUILD } from "./lib/private-mode"

/**
 * Runs once when the server starts: a bad environment, or one asking for another private mode than
 * the build was made with, stops it with a clear message.
 */
export async function register() {
  env()
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Next logs an error thrown here and serves 500s; a server in the wrong mode must not serve.
    try {
      checkBuildMatchesPrivateMode(env(), PRIVATE_BUILD)
    } catch (error) {
      console.error((error as Error).message)
      process.exit(1)
    }
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
