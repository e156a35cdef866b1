import type { MedusaRequest } from "@medusajs/framework/http"
import { timingSafeEqual } from "node:crypto"

export const CLIENT_IP_HEADER = "x-vespertene-client-ip"
export const PROXY_SECRET_HEADER = "x-vespertene-proxy-secret"

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * The client a request acts for. The storefront's server calls on behalf of browsers and says
 * whose IP it forwards; that claim counts only with the shared secret. Anyone else is the
 * address of their own connection: a bare X-Forwarded-For is never believed.
 */
export function clientIp(req: MedusaRequest, proxySecret: string | undefined): string {
  const claimed = req.headers[CLIENT_IP_HEADER]
  const secret = req.headers[PROXY_SECRET_HEADER]
  if (proxySecret && typeof claimed === "string" && claimed && typeof secret === "string" && sameSecret(secret, proxySecret)) {
    return claimed.trim().slice(0, 64)
  }
  return req.socket.remoteAddress ?? "unknown"
}
