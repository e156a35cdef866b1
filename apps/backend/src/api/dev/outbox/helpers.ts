import type { MedusaResponse } from "@medusajs/framework/http"
import { backendEnv } from "../../../lib/env"
import { EmailOutbox } from "../../../modules/resend/outbox"

/** The outbox exists only where no real email is sent: development and test. */
export function devOutbox(res: MedusaResponse): EmailOutbox | null {
  const env = backendEnv()
  if (env.APP_ENV !== "development" && env.APP_ENV !== "test") {
    res.status(404).json({ type: "not_found", message: "Not found" })
    return null
  }
  return new EmailOutbox(env.EMAIL_OUTBOX_DIR)
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)
}
