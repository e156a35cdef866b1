import { SENTRY_DSN_PATTERN } from "@vespertene/monitoring"
import { z } from "zod"

/**
 * The storefront's environment, validated when the server starts and when it builds. The only
 * module that reads `process.env`. Nothing here is exposed to the browser (the catalogue is read
 * on the server, so even the publishable key stays server-side) except NEXT_PUBLIC_SENTRY_DSN,
 * which is public by design: it can only send error reports.
 */
const APP_ENVS = ["development", "test", "staging", "production"] as const

const originList = z
  .string()
  .default("")
  .transform((value, ctx) => {
    const origins = value.split(",").map((o) => o.trim()).filter(Boolean)
    for (const origin of origins) {
      if (!URL.canParse(origin)) ctx.addIssue({ code: "custom", message: `"${origin}" is not a URL` })
    }
    return origins.map((origin) => new URL(origin))
  })

const schema = z.object({
  APP_ENV: z.enum(APP_ENVS, { error: `APP_ENV must be one of ${APP_ENVS.join(", ")}` }),
  MEDUSA_BACKEND_URL: z.url({ error: "MEDUSA_BACKEND_URL must be the Medusa backend's URL, e.g. http://localhost:9000" }),
  MEDUSA_PUBLISHABLE_KEY: z
    .string({ error: "MEDUSA_PUBLISHABLE_KEY is required (Medusa admin → Settings → Publishable API keys)" })
    .startsWith("pk_", "MEDUSA_PUBLISHABLE_KEY must start with pk_"),
  /**
   * The backend's JWT_SECRET: the Next server checks a session's signature itself, so guarded
   * pages need no Medusa call to know whether someone is signed in.
   */
  MEDUSA_JWT_SECRET: z
    .string({ error: "MEDUSA_JWT_SECRET is required: the backend's JWT_SECRET" })
    .min(32, "MEDUSA_JWT_SECRET must be at least 32 characters"),
  /** Shared with the backend: lets it believe the client IP this server forwards (rate limits). */
  STOREFRONT_PROXY_SECRET: z.string().min(32, "STOREFRONT_PROXY_SECRET must be at least 32 characters").optional(),
  /**
   * Phase 1: only signed-in people see the shop. Unset means on in staging and production, off in
   * development and test (ADR 0016). Fixed at build (ADR 0027): changing it takes a rebuild.
   */
  PRIVATE_MODE: z.enum(["true", "false"], { error: "PRIVATE_MODE must be true or false" }).optional(),
  /**
   * Stripe's publishable key (pk_test_... / pk_live_...): public by design, handed to the
   * checkout page at run time. Without it, development and test offer the backend's test payment.
   */
  STRIPE_PUBLISHABLE_KEY: z.string().regex(/^pk_(test|live)_\w+$/, "STRIPE_PUBLISHABLE_KEY must be a Stripe publishable key (pk_test_... or pk_live_...)").optional(),
  /** Origins product images are served from (the public bucket), for next/image. */
  IMAGE_ORIGINS: originList,
  /**
   * Tests and development only: origins the checkout page may also connect to (the local Stripe
   * stand-in that the test Stripe.js talks to). Refused in staging and production.
   */
  CSP_EXTRA_CONNECT_SRC: originList,
  /**
   * Error reports (Sentry), from the server and the browser. Built into the browser's bundle, so
   * set at build time. Unset: reporting is off. Reports carry no cookies, tokens or email addresses.
   */
  NEXT_PUBLIC_SENTRY_DSN: z
    .string()
    .regex(SENTRY_DSN_PATTERN, "NEXT_PUBLIC_SENTRY_DSN must be a Sentry DSN (https://<key>@<host>/<project>, from the project's Client Keys)")
    .optional(),
  /**
   * Build time only (CI or Vercel): lets the build upload source maps to Sentry, then delete them.
   * Sentry's build plugin reads it with SENTRY_ORG and SENTRY_PROJECT. Never in a bundle.
   */
  SENTRY_AUTH_TOKEN: z.string().min(20, "SENTRY_AUTH_TOKEN must be a Sentry auth token (sntrys_...)").optional(),
  /** How long a catalogue page may be served from the cache before it is refreshed. */
  CATALOGUE_REVALIDATE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
})

export type StorefrontEnv = z.infer<typeof schema>

export function parseStorefrontEnv(source: Record<string, string | undefined>): StorefrontEnv {
  const input = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""))
  if (!input.APP_ENV && source.NODE_ENV !== "production") input.APP_ENV = "development"
  const result = schema
    .superRefine((env, ctx) => {
      if ((env.APP_ENV === "staging" || env.APP_ENV === "production") && !env.STOREFRONT_PROXY_SECRET) {
        ctx.addIssue({ code: "custom", path: ["STOREFRONT_PROXY_SECRET"], message: `STOREFRONT_PROXY_SECRET is required when APP_ENV=${env.APP_ENV}` })
      }
      if ((env.APP_ENV === "staging" || env.APP_ENV === "production") && !env.STRIPE_PUBLISHABLE_KEY) {
        ctx.addIssue({ code: "custom", path: ["STRIPE_PUBLISHABLE_KEY"], message: `STRIPE_PUBLISHABLE_KEY is required when APP_ENV=${env.APP_ENV}` })
      }
      if ((env.APP_ENV === "staging" || env.APP_ENV === "production") && env.CSP_EXTRA_CONNECT_SRC.length > 0) {
        ctx.addIssue({ code: "custom", path: ["CSP_EXTRA_CONNECT_SRC"], message: `CSP_EXTRA_CONNECT_SRC (a test setting) is not allowed when APP_ENV=${env.APP_ENV}` })
      }
      const mode = env.STRIPE_PUBLISHABLE_KEY?.startsWith("pk_live_") ? "live" : "test"
      if (env.STRIPE_PUBLISHABLE_KEY && env.APP_ENV === "production" && mode !== "live") {
        ctx.addIssue({ code: "custom", path: ["STRIPE_PUBLISHABLE_KEY"], message: "STRIPE_PUBLISHABLE_KEY is a test key, but APP_ENV=production needs a live key" })
      }
      if (env.STRIPE_PUBLISHABLE_KEY && env.APP_ENV !== "production" && mode === "live") {
        ctx.addIssue({ code: "custom", path: ["STRIPE_PUBLISHABLE_KEY"], message: `STRIPE_PUBLISHABLE_KEY is a live key, but APP_ENV=${env.APP_ENV} takes test keys only` })
      }
    })
    .safeParse(input)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`)
    throw new Error(`Invalid storefront environment:\n${lines.join("\n")}\nSee apps/storefront/.env.example.`)
  }
  return result.data
}

/** The backend's test payment (Medusa's system provider) is offered only here. */
export function allowsTestPayments(env: StorefrontEnv): boolean {
  return env.APP_ENV === "development" || env.APP_ENV === "test"
}

export function isPrivateMode(env: StorefrontEnv): boolean {
  if (env.PRIVATE_MODE) return env.PRIVATE_MODE === "true"
  return env.APP_ENV === "staging" || env.APP_ENV === "production"
}

let cached: StorefrontEnv | undefined

export function env(): StorefrontEnv {
  cached ??= parseStorefrontEnv(process.env)
  return cached
}
