import { describe, expect, it } from "vitest"
import { allowsTestPayments, parseBackendEnv, stripeStandInBase } from "../src/lib/env"

const production = {
  APP_ENV: "production",
  DATABASE_URL: "postgres://u:p@db.example:6543/shop",
  JWT_SECRET: "j".repeat(40),
  COOKIE_SECRET: "c".repeat(40),
  STORE_CORS: "https://shop.example",
  ADMIN_CORS: "https://api.shop.example",
  AUTH_CORS: "https://shop.example,https://api.shop.example",
  MEDUSA_BACKEND_URL: "https://api.shop.example",
  STOREFRONT_URL: "https://shop.example",
  S3_ENDPOINT: "https://account.r2.cloudflarestorage.com",
  S3_ACCESS_KEY_ID: "key",
  S3_SECRET_ACCESS_KEY: "secret",
  S3_PUBLIC_BUCKET: "vespertene-public",
  S3_PUBLIC_URL: "https://images.shop.example",
  S3_PRIVATE_BUCKET: "vespertene-private",
  RESEND_API_KEY: "re_live_123",
  RESEND_FROM: "Vespertene <hello@shop.example>",
  STOREFRONT_PROXY_SECRET: "s".repeat(40),
  STRIPE_API_KEY: "sk_live_51Vespertene",
  STRIPE_WEBHOOK_SECRET: "whsec_live123",
}

const without = (name: keyof typeof production) => {
  const { [name]: _removed, ...rest } = production
  return rest
}

describe("the backend's environment", () => {
  it("accepts a complete production environment", () => {
    expect(parseBackendEnv(production).APP_ENV).toBe("production")
  })

  it("names each missing secret in production, with no generated or default fallback", () => {
    for (const name of ["JWT_SECRET", "COOKIE_SECRET", "STOREFRONT_PROXY_SECRET", "STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET", "RESEND_API_KEY"] as const) {
      expect(() => parseBackendEnv(without(name)), name).toThrow(new RegExp(`${name}`))
    }
    expect(() => parseBackendEnv(without("STORE_CORS"))).toThrow(/STORE_CORS/)
  })

  it("reports errors only with a DSN, and names a malformed one instead of silently reporting nothing", () => {
    expect(parseBackendEnv(production).SENTRY_DSN).toBeUndefined()
    const dsn = "https://0123456789abcdef@o123.ingest.us.sentry.io/4508"
    expect(parseBackendEnv({ ...production, SENTRY_DSN: dsn }).SENTRY_DSN).toBe(dsn)
    expect(() => parseBackendEnv({ ...production, SENTRY_DSN: "https://my-key@sentry.io/1" })).toThrow(/SENTRY_DSN must be a Sentry DSN/)
    expect(() => parseBackendEnv({ ...production, SENTRY_DSN: "https://o123.ingest.sentry.io/4508" })).toThrow(/SENTRY_DSN/)
  })

  it("takes live Stripe keys in production and test keys in staging", () => {
    expect(() => parseBackendEnv({ ...production, STRIPE_API_KEY: "sk_test_51Vespertene" })).toThrow(/needs a live key/)
    expect(() => parseBackendEnv({ ...production, APP_ENV: "staging" })).toThrow(/staging takes test keys only/)
    expect(parseBackendEnv({ ...production, APP_ENV: "staging", STRIPE_API_KEY: "sk_test_51Vespertene" }).APP_ENV).toBe("staging")
    expect(() => parseBackendEnv({ ...production, STRIPE_API_KEY: "pk_live_51Vespertene" })).toThrow(/must be a Stripe secret key/)
  })

  it("refuses every test stand-in setting outside development and test", () => {
    expect(() => parseBackendEnv({ ...production, STRIPE_API_BASE: "http://127.0.0.1:12111" })).toThrow(/STRIPE_API_BASE \(a test setting\)/)
    expect(() => parseBackendEnv({ ...production, PAYMENT_WEBHOOK_DELAY_MS: "10" })).toThrow(/PAYMENT_WEBHOOK_DELAY_MS \(a test setting\)/)
    expect(() => parseBackendEnv({ ...production, RESEND_BASE_URL: "http://127.0.0.1:4010" })).toThrow(/RESEND_BASE_URL/)
  })

  it("points Stripe at the stand-in only in tests with a test key", () => {
    const test = parseBackendEnv({ ...production, APP_ENV: "test", STRIPE_API_KEY: "sk_test_1", STRIPE_API_BASE: "http://127.0.0.1:12111" })
    expect(stripeStandInBase(test)).toBe("http://127.0.0.1:12111")
    expect(stripeStandInBase({ ...test, STRIPE_API_KEY: "sk_live_1" })).toBeUndefined()
    expect(stripeStandInBase({ ...test, APP_ENV: "development" })).toBeUndefined()
    expect(stripeStandInBase({ ...test, APP_ENV: "production" })).toBeUndefined()
  })

  it("allows Medusa's test payment only in development and test", () => {
    expect(["development", "test", "staging", "production"].map((APP_ENV) => allowsTestPayments({ APP_ENV } as never))).toEqual([
      true,
      true,
      false,
      false,
    ])
  })

  it("runs a separate worker process only with Redis to hear events through", () => {
    expect(parseBackendEnv(production).MEDUSA_WORKER_MODE).toBe("shared")
    expect(() => parseBackendEnv({ ...production, MEDUSA_WORKER_MODE: "worker" })).toThrow(/REDIS_URL is required when MEDUSA_WORKER_MODE=worker/)
    expect(parseBackendEnv({ ...production, MEDUSA_WORKER_MODE: "server", REDIS_URL: "redis://cache.internal:6379" }).MEDUSA_WORKER_MODE).toBe("server")
    expect(() => parseBackendEnv({ ...production, MEDUSA_WORKER_MODE: "both" })).toThrow(/must be shared, server or worker/)
  })

  it("does not assume development under NODE_ENV=production", () => {
    expect(() => parseBackendEnv({ ...without("APP_ENV"), NODE_ENV: "production" })).toThrow(/APP_ENV/)
  })
})
