import "server-only"
import Medusa from "@medusajs/js-sdk"
import { env } from "@/env"

/** The storefront's one Medusa client. Server-only: the browser never talks to Medusa directly. */
export const sdk = new Medusa({
  baseUrl: env().MEDUSA_BACKEND_URL,
  publishableKey: env().MEDUSA_PUBLISHABLE_KEY,
  debug: false,
  // One client serves every visitor: it must never remember a token. Each call that acts for a
  // customer passes that customer's token from their HttpOnly cookie.
  auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
})
