import "server-only"
import { cookies } from "next/headers"
import { env } from "@/env"
import { SESSION_COOKIE, verifySessionToken, type SessionClaims } from "./session-token"

export type Session = SessionClaims & { token: string }

/** The signed-in customer, from the HttpOnly cookie (signature and expiry checked locally). */
export async function currentSession(): Promise<Session | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value
  const claims = await verifySessionToken(token, env().MEDUSA_JWT_SECRET)
  return claims && token ? { ...claims, token } : null
}

/**
 * Stores a Medusa token in the HttpOnly cookie; only the Next server ever reads it (ADR 0003).
 * Returns false, storing nothing, for a token that is no customer session: a login whose
 * registration has not finished creating the customer, or a secret that does not match.
 */
export async function startSession(token: string): Promise<boolean> {
  const claims = await verifySessionToken(token, env().MEDUSA_JWT_SECRET)
  if (!claims) return false
  const { APP_ENV } = env()
  ;(await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    // Lax, not Strict: a customer returning from a payment redirect stays signed in.
    sameSite: "lax",
    secure: APP_ENV === "staging" || APP_ENV === "production",
    path: "/",
    expires: new Date(claims.expiresAt),
  })
  return true
}

export async function endSession(): Promise<void> {
  ;(await cookies()).delete(SESSION_COOKIE)
}
