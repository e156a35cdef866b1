import { jwtVerify } from "jose"

export const SESSION_COOKIE = "_medusa_jwt"

export type SessionClaims = { customerId: string; expiresAt: number }

/**
 * Checks a Medusa customer token's signature and expiry with the backend's secret, without
 * calling the backend. A token for another actor, or one with no customer yet, is no session.
 */
export async function verifySessionToken(token: string | undefined, secret: string): Promise<SessionClaims | null> {
  if (!token) return null
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ["HS256"] })
    if (payload.actor_type !== "customer" || typeof payload.actor_id !== "string" || !payload.actor_id) return null
    if (payload.purpose) return null
    return { customerId: payload.actor_id, expiresAt: (payload.exp ?? 0) * 1000 }
  } catch {
    return null
  }
}

/** A `next` destination is followed only when it is a path on this site. */
export function safeNextPath(next: unknown, fallback = "/account"): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return fallback
  return next
}
