import { describe, expect, it } from "vitest"
import { parseStorefrontEnv } from "../src/env"
import { checkBuildMatchesPrivateMode, privateBuildFlag } from "../src/lib/private-mode"

const base = {
  MEDUSA_BACKEND_URL: "https://api.shop.vespertene.com",
  MEDUSA_PUBLISHABLE_KEY: "pk_123",
  MEDUSA_JWT_SECRET: "0123456789abcdef0123456789abcdef",
  STOREFRONT_PROXY_SECRET: "fedcba9876543210fedcba9876543210",
}
const production = (extra: Record<string, string> = {}) =>
  parseStorefrontEnv({ ...base, APP_ENV: "production", STRIPE_PUBLISHABLE_KEY: "pk_live_51Vespertene", ...extra })
const development = (extra: Record<string, string> = {}) => parseStorefrontEnv({ ...base, APP_ENV: "development", ...extra })

describe("private mode is fixed at build", () => {
  it("is built on in production and off in development unless PRIVATE_MODE says otherwise", () => {
    expect(privateBuildFlag(production())).toBe("true")
    expect(privateBuildFlag(production({ PRIVATE_MODE: "false" }))).toBe("false")
    expect(privateBuildFlag(development())).toBe("false")
    expect(privateBuildFlag(development({ PRIVATE_MODE: "true" }))).toBe("true")
  })

  it("lets a server start only with the mode its build has", () => {
    expect(() => checkBuildMatchesPrivateMode(production(), true)).not.toThrow()
    expect(() => checkBuildMatchesPrivateMode(development(), false)).not.toThrow()
    // An open build started private would serve its prerendered catalogue to everyone.
    expect(() => checkBuildMatchesPrivateMode(production(), false)).toThrow(
      /PRIVATE_MODE asks for private mode on, but this build was made with it off[\s\S]*rebuild/,
    )
    expect(() => checkBuildMatchesPrivateMode(development({ PRIVATE_MODE: "true" }), false)).toThrow(/private mode on/)
    expect(() => checkBuildMatchesPrivateMode(production({ PRIVATE_MODE: "false" }), true)).toThrow(
      /private mode off, but this build was made with it on/,
    )
  })
})
