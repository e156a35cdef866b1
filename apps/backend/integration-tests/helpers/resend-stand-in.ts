import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"

export type ReceivedEmail = {
  authorization: string | undefined
  body: { from: string; to: string | string[]; subject: string; html: string; text: string }
}

/**
 * A local stand-in for Resend's API (POST /emails), on 127.0.0.1. Answers like Resend: 200 with
 * an id, or for a recipient containing "reject" a 422 validation error.
 */
export async function startResendStandIn() {
  const received: ReceivedEmail[] = []
  const server: Server = createServer((req, res) => {
    let raw = ""
    req.on("data", (chunk) => (raw += chunk))
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/emails") {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ statusCode: 404, name: "not_found", message: "Not found" }))
        return
      }
      const body = JSON.parse(raw) as ReceivedEmail["body"]
      const to = ([] as string[]).concat(body.to).join(",")
      if (to.includes("reject")) {
        res
          .writeHead(422, { "content-type": "application/json" })
          .end(JSON.stringify({ statusCode: 422, name: "validation_error", message: "The `to` address is not allowed." }))
        return
      }
      received.push({ authorization: req.headers.authorization, body })
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: `email_${received.length}` }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    received,
    /** Emails sent to `to`, polled until `count` arrived or the deadline passed. */
    async waitFor(to: string, count = 1, timeoutMs = 20_000): Promise<ReceivedEmail[]> {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const matching = received.filter((e) => ([] as string[]).concat(e.body.to).includes(to))
        if (matching.length >= count || Date.now() > deadline) return matching
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
