import "server-only"
import { headers } from "next/headers"
import { env } from "@/env"

/**
 * Every customer call reaches Medusa from this server, so the backend would see one address
 * for everybody. This says which browser the call is for: the client IP as the hosting platform
 * reported it (Vercel sets X-Forwarded-For itself), vouched for with the shared secret. The
 * backend believes it only with that secret (ADR 0015).
 */
export async function clientContextHeaders(): Promise<Record<string, string>> {
  const secret = env().STOREFRONT_PROXY_SECRET
  if (!secret) return {}
  const incoming = await headers()
  const ip = incoming.get("x-forwarded-for")?.split(",")[0]?.trim() || incoming.get("x-real-ip")?.trim()
  if (!ip) return {}
  return { "x-vespertene-client-ip": ip, "x-vespertene-proxy-secret": secret }
}
