import { randomBytes } from "node:crypto"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"

/** The development secrets every checkout generates once for itself (never committed). */
export const DEV_SECRET_NAMES = ["JWT_SECRET", "COOKIE_SECRET", "STOREFRONT_PROXY_SECRET", "ADMIN_PASSWORD"] as const
export type DevSecrets = Record<(typeof DEV_SECRET_NAMES)[number], string>

/**
 * Reads the checkout's development secrets from `file`, generating any that are missing.
 * The file is written with mode 0600 and lives in an ignored folder.
 */
export function loadDevSecrets(file: string): DevSecrets {
  const existing: Partial<DevSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {}
  const secrets = { ...existing } as DevSecrets
  let changed = false
  for (const name of DEV_SECRET_NAMES) {
    if (!secrets[name]) {
      secrets[name] = randomBytes(name === "ADMIN_PASSWORD" ? 12 : 32).toString("base64url")
      changed = true
    }
  }
  if (changed) {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 })
  }
  return secrets
}
