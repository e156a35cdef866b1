import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { devOutbox, escapeHtml } from "./helpers"

/** Development only: the emails the shop would have sent, newest first (`?to=` filters, JSON on request). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const outbox = devOutbox(res)
  if (!outbox) return
  const to = typeof req.query.to === "string" ? req.query.to : undefined
  const emails = outbox.list(to)
  if (req.query.format === "json" || req.headers.accept?.includes("application/json")) {
    res.json({ emails: emails.map(({ html: _html, ...email }) => email) })
    return
  }
  const rows = emails
    .map(
      (e) =>
        `<tr><td>${escapeHtml(new Date(e.created_at).toLocaleString("en-AU"))}</td><td>${escapeHtml(e.to)}</td>` +
        `<td><a href="outbox/${e.id}">${escapeHtml(e.subject)}</a></td><td>${escapeHtml(e.template)}</td></tr>`,
    )
    .join("")
  res.type("html").send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Outbox · Vespertene (development)</title>
<style>body{font:15px system-ui,sans-serif;margin:2rem;color:#1d1830}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.5rem;border-bottom:1px solid #e6e2ee}</style></head>
<body><h1>Email outbox</h1><p>Development only: with no <code>RESEND_API_KEY</code>, emails are kept here instead of being sent.</p>
${emails.length ? `<table><thead><tr><th>When</th><th>To</th><th>Subject</th><th>Template</th></tr></thead><tbody>${rows}</tbody></table>` : "<p>No emails yet.</p>"}
</body></html>`)
}
