import type { NextConfig } from "next"
import { withSentryConfig } from "@sentry/nextjs/config"
import { env } from "./src/env"
import { privateBuildFlag } from "./src/lib/private-mode"
import { baseSecurityHeaders, catalogueCsp } from "./src/lib/security-headers"

const { APP_ENV, IMAGE_ORIGINS, SENTRY_AUTH_TOKEN } = env()

const config: NextConfig = {
  poweredByHeader: false,
  // Private mode is part of the build (ADR 0027): it decides whether catalogue pages are prerendered.
  env: { VESPERTENE_PRIVATE_BUILD: privateBuildFlag(env()) },
  // A second build side by side (the tests build an open and a private storefront).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Every response: HSTS, no framing, no sniffing, a referrer policy. The cached catalogue pages
  // also get their static CSP here; dynamic pages get a nonce-based one from proxy.ts (ADR 0021).
  async headers() {
    return [
      { source: "/:path*", headers: baseSecurityHeaders() },
      ...["/", "/licence", "/products/:handle"].map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: catalogueCsp(env()) }],
      })),
    ]
  },
  reactStrictMode: true,
  images: {
    remotePatterns: IMAGE_ORIGINS.map((origin) => ({
      protocol: origin.protocol.replace(":", "") as "http" | "https",
      hostname: origin.hostname,
      port: origin.port,
      pathname: `${origin.pathname.replace(/\/$/, "")}/**`,
    })),
    // The local object store listens on 127.0.0.1; only development and tests fetch images there.
    dangerouslyAllowLocalIP: APP_ENV === "development" || APP_ENV === "test",
    formats: ["image/avif", "image/webp"],
  },
}

/**
 * Sentry's build step only uploads source maps, and only when SENTRY_AUTH_TOKEN (with SENTRY_ORG and
 * SENTRY_PROJECT) is set at build; the maps are then deleted so they are never served.
 */
export default withSentryConfig(config, {
  telemetry: false,
  silent: true,
  sourcemaps: { disable: !SENTRY_AUTH_TOKEN, deleteSourcemapsAfterUpload: true },
})
