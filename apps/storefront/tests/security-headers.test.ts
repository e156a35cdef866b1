import { describe, expect, it } from "vitest"
import { parseStorefrontEnv } from "../src/env"
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server"
import { config as proxyConfig } from "../src/proxy"
import { baseSecurityHeaders, catalogueCsp, isCataloguePath, newNonce, pageCsp } from "../src/lib/security-headers"

const production = {
  APP_ENV: "production",
  MEDUSA_BACKEND_URL: "https://api.shop.example",
  MEDUSA_PUBLISHABLE_KEY: "pk_123",
  MEDUSA_JWT_SECRET: "0123456789abcdef0123456789abcdef",
  STOREFRONT_PROXY_SECRET: "fedcba9876543210fedcba9876543210",
  STRIPE_PUBLISHABLE_KEY: "pk_live_51Vespertene",
  IMAGE_ORIGINS: "https://images.shop.example/public",
}
const env = parseStorefrontEnv(production)

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `) || d === name)

describe("the catalogue's static policy", () => {
  it("has no nonce and no third party, forbids framing and lists the image origin", () => {
    const csp = catalogueCsp(env)
    expect(csp).not.toMatch(/nonce-|stripe/)
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'")
    expect(directive(csp, "img-src")).toBe("img-src 'self' data: blob: https://images.shop.example")
    expect(directive(csp, "connect-src")).toBe("connect-src 'self'")
    expect(directive(csp, "object-src")).toBe("object-src 'none'")
    expect(directive(csp, "upgrade-insecure-requests")).toBe("upgrade-insecure-requests")
  })
})

describe("error reports", () => {
  it("let both policies reach the Sentry ingest host, and only with a DSN", () => {
    const reporting = parseStorefrontEnv({ ...production, NEXT_PUBLIC_SENTRY_DSN: "https://0123abcd@o42.ingest.us.sentry.io/7" })
    expect(directive(catalogueCsp(reporting), "connect-src")).toBe("connect-src 'self' https://o42.ingest.us.sentry.io")
    expect(directive(pageCsp(reporting, "n"), "connect-src")).toContain("https://o42.ingest.us.sentry.io")
    expect(pageCsp(env, "n")).not.toContain("sentry")
  })

  it("names a malformed DSN at start instead of silently reporting nothing", () => {
    expect(() => parseStorefrontEnv({ ...production, NEXT_PUBLIC_SENTRY_DSN: "https://o42.ingest.sentry.io/7" })).toThrow(/NEXT_PUBLIC_SENTRY_DSN must be a Sentry DSN/)
  })
})

describe("dynamic pages' policy", () => {
  it("allows only nonce'd scripts (and what they load) plus Stripe's frames and API", () => {
    const csp = pageCsp(env, "abc123")
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic' https://js.stripe.com")
    expect(directive(csp, "frame-src")).toContain("https://js.stripe.com")
    expect(directive(csp, "connect-src")).toBe("connect-src 'self' https://api.stripe.com https://m.stripe.network https://q.stripe.com")
    expect(csp).not.toContain("unsafe-eval")
  })

  it("adds a test-only connect origin where one is configured, and refuses it in production", () => {
    const test = parseStorefrontEnv({ ...process.env, APP_ENV: "test", MEDUSA_BACKEND_URL: "http://127.0.0.1:9000", MEDUSA_PUBLISHABLE_KEY: "pk_1", MEDUSA_JWT_SECRET: "0123456789abcdef0123456789abcdef", CSP_EXTRA_CONNECT_SRC: "http://127.0.0.1:12111" })
    expect(directive(pageCsp(test, "n"), "connect-src")).toContain("http://127.0.0.1:12111")
    expect(() => parseStorefrontEnv({ ...production, CSP_EXTRA_CONNECT_SRC: "http://127.0.0.1:12111" })).toThrow(/CSP_EXTRA_CONNECT_SRC \(a test setting\) is not allowed when APP_ENV=production/)
  })

  it("draws a fresh nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce))
    expect(nonces.size).toBe(50)
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
  })
})

const CATALOGUE = ["/", "/licence", "/products/nightfall", "/products/nightfall-texture-pack"]
const NOT_CATALOGUE = ["/checkout", "/cart", "/account", "/account/downloads", "/sign-in", "/productsx", "/products", "/products/a/b", "/licences", "/licence/x", "/order/order_1", "/downloads/abc", "/no-such-page"]

describe("which pages are cached catalogue pages", () => {
  it("is the home page, the licence and product pages only", () => {
    expect(CATALOGUE.every(isCataloguePath)).toBe(true)
    expect(NOT_CATALOGUE.some(isCataloguePath)).toBe(false)
  })

  it("are, with the download links (a route that checks the session itself), the pages the proxy does not run for", () => {
    const runsFor = (path: string) => unstable_doesMiddlewareMatch({ config: proxyConfig, url: path })
    expect(CATALOGUE.filter(runsFor)).toEqual([])
    expect(NOT_CATALOGUE.filter((path) => !runsFor(path))).toEqual(["/downloads/abc"])
    expect(runsFor("/products/nightfall?_rsc=1")).toBe(false)
    expect(["/_next/static/chunks/a.js", "/_next/image?url=x", "/icon.svg", "/robots.txt"].some(runsFor)).toBe(false)
  })
})

describe("headers on every response", () => {
  it("include HSTS, no framing, no sniffing and a referrer policy", () => {
    const headers = Object.fromEntries(baseSecurityHeaders().map((h) => [h.key, h.value]))
    expect(headers["Strict-Transport-Security"]).toMatch(/max-age=\d{8}/)
    expect(headers["X-Frame-Options"]).toBe("DENY")
    expect(headers["X-Content-Type-Options"]).toBe("nosniff")
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin")
  })
})
