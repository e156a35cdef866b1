import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { devOutbox } from "../helpers"

/** Development only: one email as the recipient would see it (`?format=text` for the plain-text part). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const outbox = devOutbox(res)
  if (!outbox) return
  const email = outbox.get(req.params.id ?? "")
  if (!email) {
    res.status(404).json({ type: "not_found", message: "No such email in the outbox" })
    return
  }
  if (req.query.format === "text") {
    res.type("text/plain").send(email.text)
    return
  }
  res.type("html").send(email.html)
}
