import type { StorefrontEnv } from "@/env"

/**
 * The storefront's security headers (ADR 0021). Two Content Security Policies:
 * - catalogue pages are prerendered and served from the cache, so they cannot carry a per-request
 *   nonce: their policy allows only this site's own scripts (Next's inline bootstrap included)
 *   and lists the few sources they use, with no third party at all;
 * - every dynamic page (cart, checkout, account) gets a fresh nonce per request and
 *   'strict-dynamic': only scripts this page itself started may run, Stripe.js among them.
 */

type CspEnv = Pick<StorefrontEnv, "APP_ENV" | "IMAGE_ORIGINS" | "CSP_EXTRA_CONNECT_SRC" | "NEXT_PUBLIC_SENTRY_DSN">

const STRIPE = {
  script: ["https://js.stripe.com"],
  frame: ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
  connect: ["https://api.stripe.com", "https://m.stripe.network", "https://q.stripe.com"],
  img: ["https://*.stripe.com"],
}

const imageSources = (env: CspEnv) => env.IMAGE_ORIGINS.map((origin) => origin.origin)
/** Where the browser sends error reports, when they are on. */
const reportSources = (env: CspEnv) => (env.NEXT_PUBLIC_SENTRY_DSN ? [new URL(env.NEXT_PUBLIC_SENTRY_DSN).origin] : [])
const deployed = (env: CspEnv) => env.APP_ENV === "staging" || env.APP_ENV === "production"

function serialise(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(" ").trim())
    .join("; ")
}

const shared = (env: CspEnv): Record<string, string[]> => ({
  "default-src": ["'self'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "object-src": ["'none'"],
  "frame-ancestors": ["'none'"],
  "font-src": ["'self'"],
  // Inline style attributes come from React and Stripe's own styling of its frames.
  "style-src": ["'self'", "'unsafe-inline'"],
  ...(deployed(env) ? { "upgrade-insecure-requests": [] } : {}),
})

/** Prerendered catalogue pages: no nonce possible, no third party needed. */
export function catalogueCsp(env: CspEnv): string {
  return serialise({
    ...shared(env),
    // Next's prerendered HTML carries its bootstrap inline; nothing else runs here.
    "script-src": ["'self'", "'unsafe-inline'", ...(env.APP_ENV === "development" ? ["'unsafe-eval'"] : [])],
    "img-src": ["'self'", "data:", "blob:", ...imageSources(env)],
    "connect-src": ["'self'", ...reportSources(env)],
    "frame-src": ["'none'"],
  })
}

/** Dynamic pages: a nonce per request, and Stripe for the checkout. */
export function pageCsp(env: CspEnv, nonce: string): string {
  return serialise({
    ...shared(env),
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...STRIPE.script, ...(env.APP_ENV === "development" ? ["'unsafe-eval'"] : [])],
    "img-src": ["'self'", "data:", "blob:", ...imageSources(env), ...STRIPE.img],
    "connect-src": ["'self'", ...STRIPE.connect, ...reportSources(env), ...env.CSP_EXTRA_CONNECT_SRC.map((origin) => origin.origin)],
    "frame-src": STRIPE.frame,
  })
}

/** Headers every response carries, cached or not. */
export function baseSecurityHeaders(): Array<{ key: string; value: string }> {
  return [
    { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: 'camera=(), microphone=(), geolocation=(), payment=(self "https://js.stripe.com")' },
  ]
}

/** Paths that are prerendered and cached: they carry the catalogue policy. */
export function isCataloguePath(path: string): boolean {
  return path === "/" || path === "/licence" || /^\/products\/[^/]+$/.test(path)
}

/** A fresh random nonce (128 bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes))
}
