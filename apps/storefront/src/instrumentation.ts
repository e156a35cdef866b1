import { env } from "./env"

/** Runs once when the server starts: a bad environment stops it with a clear message. */
export function register() {
  env()
}
