import { describe, expect, it } from "vitest"
import { parseStorefrontEnv } from "../src/env"

const valid = {
  APP_ENV: "production",
  MEDUSA_BACKEND_URL: "https://api.shop.vespertene.com",
  MEDUSA_PUBLISHABLE_KEY: "pk_123",
  MEDUSA_JWT_SECRET: "0123456789abcdef0123456789abcdef",
  STOREFRONT_PROXY_SECRET: "fedcba9876543210fedcba9876543210",
  STRIPE_PUBLISHABLE_KEY: "pk_live_51Vespertene",
}

describe("parseStorefrontEnv", () => {
  it("accepts a complete environment and fills the defaults", () => {
    const env = parseStorefrontEnv({ ...valid, IMAGE_ORIGINS: "https://images.example/bucket" })
    expect(env.CATALOGUE_REVALIDATE_SECONDS).toBe(60)
    expect(env.IMAGE_ORIGINS.map(String)).toEqual(["https://images.example/bucket"])
  })

  it("names each missing or invalid variable", () => {
    expect(() => parseStorefrontEnv({ APP_ENV: "production", MEDUSA_BACKEND_URL: "not a url" })).toThrow(
      /MEDUSA_BACKEND_URL[\s\S]*MEDUSA_PUBLISHABLE_KEY/,
    )
    expect(() => parseStorefrontEnv({ ...valid, MEDUSA_PUBLISHABLE_KEY: "sk_live" })).toThrow(/must start with pk_/)
    expect(() => parseStorefrontEnv({ ...valid, APP_ENV: "prod" })).toThrow(/APP_ENV must be one of/)
    expect(() => parseStorefrontEnv({ ...valid, MEDUSA_JWT_SECRET: "short" })).toThrow(/MEDUSA_JWT_SECRET must be at least 32/)
    const { STOREFRONT_PROXY_SECRET: _secret, ...withoutProxySecret } = valid
    expect(() => parseStorefrontEnv(withoutProxySecret)).toThrow(/STOREFRONT_PROXY_SECRET is required when APP_ENV=production/)
    expect(
      parseStorefrontEnv({ ...withoutProxySecret, APP_ENV: "development", STRIPE_PUBLISHABLE_KEY: "pk_test_51Vespertene" }).STOREFRONT_PROXY_SECRET,
    ).toBeUndefined()
  })

  it("needs Stripe's publishable key where the shop takes real payments, and refuses a secret key there", () => {
    const { STRIPE_PUBLISHABLE_KEY: _pk, ...withoutStripe } = valid
    expect(() => parseStorefrontEnv(withoutStripe)).toThrow(/STRIPE_PUBLISHABLE_KEY is required when APP_ENV=production/)
    expect(() => parseStorefrontEnv({ ...valid, STRIPE_PUBLISHABLE_KEY: "sk_live_51Secret" })).toThrow(/must be a Stripe publishable key/)
    expect(parseStorefrontEnv({ ...withoutStripe, APP_ENV: "development" }).STRIPE_PUBLISHABLE_KEY).toBeUndefined()
    expect(() => parseStorefrontEnv({ ...valid, STRIPE_PUBLISHABLE_KEY: "pk_test_51Vespertene" })).toThrow(/APP_ENV=production needs a live key/)
    expect(() => parseStorefrontEnv({ ...valid, APP_ENV: "staging", STRIPE_PUBLISHABLE_KEY: "pk_live_51Vespertene" })).toThrow(/takes test keys only/)
  })

  it("does not assume development under a production build", () => {
    const { APP_ENV: _, ...rest } = valid
    expect(() => parseStorefrontEnv({ ...rest, NODE_ENV: "production" })).toThrow(/APP_ENV/)
    expect(parseStorefrontEnv({ ...rest, NODE_ENV: "development", STRIPE_PUBLISHABLE_KEY: "pk_test_51Vespertene" }).APP_ENV).toBe("development")
  })
})
