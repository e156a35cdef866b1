import { getAuthContextFromJwtToken } from "@medusajs/framework/http"
import type { ConfigModule } from "@medusajs/framework/types"
import { createSecretKey } from "node:crypto"

/** The part of `projectConfig.http` that verification reads. */
type JwtConfig = Pick<ConfigModule["projectConfig"]["http"], "jwtSecret" | "jwtPublicKey" | "jwtOptions" | "jwtVerifyOptions">

/**
 * How tokens are signed and verified: HS256 with JWT_SECRET. Verification gets the secret as a
 * KeyObject and a pinned algorithm. Given a string, jsonwebtoken first tries to parse it as a PEM
 * public key, which throws, on every verification (each signed-in store request verifies two or
 * three times): that was 14 % of the backend's CPU on a download. Medusa verifies with
 * `jwtPublicKey ?? jwtSecret` and signs with `jwtSecret`, so signing is unchanged.
 */
export function jwtSettings(secret: string) {
  return {
    jwtSecret: secret,
    jwtPublicKey: createSecretKey(Buffer.from(secret, "utf8")),
    jwtOptions: { algorithm: "HS256" as const },
    jwtVerifyOptions: { algorithms: ["HS256" as const] },
  }
}

/** The verified claims of a customer's bearer token (`Bearer …`), or null for any other header. */
export function customerClaims<T extends object>(header: string | undefined, http: JwtConfig): T | null {
  return getAuthContextFromJwtToken(
    header,
    http.jwtSecret!,
    ["bearer"],
    ["customer"],
    http.jwtPublicKey,
    http.jwtVerifyOptions ?? http.jwtOptions,
  ) as T | null
}
