import { expect, test } from "@playwright/test"
import { join } from "node:path"
import { runUntilExit } from "./fixtures/processes"

/**
 * The production build refuses to start where it would be unsafe, at once and naming the cause:
 * a missing secret, or Medusa's test payment still enabled on a region (the e2e database has it,
 * as every test database does).
 */
const serverDir = () => process.env.E2E_BACKEND_SERVER_DIR ?? ""

function production(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    MEDUSA_DISABLE_TELEMETRY: "true",
    APP_ENV: "production",
    DATABASE_URL: process.env.E2E_DATABASE_URL,
    JWT_SECRET: "p".repeat(40),
    COOKIE_SECRET: "q".repeat(40),
    STORE_CORS: "https://shop.example",
    ADMIN_CORS: "https://api.shop.example",
    AUTH_CORS: "https://shop.example",
    MEDUSA_BACKEND_URL: "https://api.shop.example",
    STOREFRONT_URL: "https://shop.example",
    S3_ENDPOINT: "https://r2.example",
    S3_ACCESS_KEY_ID: "key",
    S3_SECRET_ACCESS_KEY: "secret",
    S3_PUBLIC_BUCKET: "public",
    S3_PUBLIC_URL: "https://images.example",
    S3_PRIVATE_BUCKET: "private",
    RESEND_API_KEY: "re_123",
    RESEND_FROM: "Shop <hello@shop.example>",
    STOREFRONT_PROXY_SECRET: "r".repeat(40),
    STRIPE_API_KEY: "sk_live_123",
    STRIPE_WEBHOOK_SECRET: "whsec_123",
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }
  return env
}

/** Starts `medusa start` from the production build and waits (bounded) for it to exit. */
const start = (env: NodeJS.ProcessEnv) =>
  runUntilExit(join(serverDir(), "..", "..", "node_modules", ".bin", "medusa"), ["start", "--host", "127.0.0.1", "--port", "0"], {
    cwd: serverDir(),
    env,
    timeoutMs: 60_000,
  })

test.describe("a production start that would be unsafe", () => {
  test.setTimeout(90_000)

  test("stops at once when a secret is missing, naming it", async () => {
    const { code, output } = await start(production({ STRIPE_WEBHOOK_SECRET: undefined }))
    expect(code).not.toBe(0)
    expect(output).toContain("STRIPE_WEBHOOK_SECRET is required when APP_ENV=production")
  })

  test("stops when Medusa's test payment is enabled on a region, naming the regions", async () => {
    const { code, output } = await start(production({}))
    expect(code).not.toBe(0)
    expect(output).toMatch(/test payment provider \(pp_system_default\) enabled on the region\(s\) "Australia", "International"/)
  })
})
