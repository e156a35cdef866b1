import { z } from "@medusajs/framework/zod"
import { SENTRY_DSN_PATTERN } from "@vespertene/monitoring"

/**
 * The backend's environment, validated once at start-up. This is the only place that reads
 * `process.env`; a missing or malformed variable stops the process with a message naming it.
 */
export const APP_ENVS = ["development", "test", "staging", "production"] as const
export type AppEnv = (typeof APP_ENVS)[number]

const secret = (name: string) =>
  z.string({ error: `${name} is required (generate one with: openssl rand -base64 32)` }).min(32, `${name} must be at least 32 characters`)

const corsList = z
  .string()
  .refine((value) => value.split(",").every((origin) => /^https?:\/\/[^/\s]+$/.test(origin.trim())), {
    message: "must be a comma-separated list of origins like https://shop.example.com",
  })

const schema = z.object({
  APP_ENV: z.enum(APP_ENVS, { error: `APP_ENV must be one of ${APP_ENVS.join(", ")}` }),
  DATABASE_URL: z.string({ error: "DATABASE_URL is required" }).regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL"),
  JWT_SECRET: secret("JWT_SECRET"),
  COOKIE_SECRET: secret("COOKIE_SECRET"),
  STORE_CORS: corsList,
  ADMIN_CORS: corsList,
  AUTH_CORS: corsList,
  MEDUSA_BACKEND_URL: z.url({ error: "MEDUSA_BACKEND_URL must be the backend's public URL" }),
  STOREFRONT_URL: z.url({ error: "STOREFRONT_URL must be the storefront's public URL" }),
  /**
   * With more than one backend process: Redis carries events, workflows, locks, the cache and admin
   * sessions between them (ADR 0023). Unset: one process keeps all of that in memory.
   */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// URL").optional(),
  /** shared (one process does everything), server (HTTP only) or worker (subscribers and jobs, needs REDIS_URL). */
  MEDUSA_WORKER_MODE: z.enum(["shared", "server", "worker"], { error: "MEDUSA_WORKER_MODE must be shared, server or worker" }).default("shared"),
  S3_ENDPOINT: z.url({ error: "S3_ENDPOINT must be the S3 API endpoint (R2: https://<account>.r2.cloudflarestorage.com)" }),
  S3_REGION: z.string().min(1).default("auto"),
  S3_ACCESS_KEY_ID: z.string({ error: "S3_ACCESS_KEY_ID is required" }).min(1),
  S3_SECRET_ACCESS_KEY: z.string({ error: "S3_SECRET_ACCESS_KEY is required" }).min(1),
  S3_PUBLIC_BUCKET: z.string({ error: "S3_PUBLIC_BUCKET is required" }).min(3),
  S3_PUBLIC_URL: z.url({ error: "S3_PUBLIC_URL must be the public URL prefix of the image bucket" }),
  S3_PRIVATE_BUCKET: z.string({ error: "S3_PRIVATE_BUCKET is required" }).min(3),
  /** Email through Resend. Without a key (development and test only) emails go to the outbox. */
  RESEND_API_KEY: z.string().regex(/^re_/, "RESEND_API_KEY must be a Resend API key (re_...)").optional(),
  RESEND_FROM: z.string().min(3, "RESEND_FROM must be a sender like Vespertene <hello@shop.example>"),
  /** A local Resend stand-in for tests; refused in staging and production. */
  RESEND_BASE_URL: z.url("RESEND_BASE_URL must be a URL").optional(),
  EMAIL_OUTBOX_DIR: z.string().min(1).default(".data/outbox"),
  /**
   * Shared with the storefront: only a request carrying it may say which client IP it acts for
   * (rate limits). Without it, the connection's own address counts; X-Forwarded-For never does.
   */
  STOREFRONT_PROXY_SECRET: z.string().min(32, "STOREFRONT_PROXY_SECRET must be at least 32 characters").optional(),
  /**
   * Stripe (ADR 0001). Without a secret key (development and test only) checkout offers the
   * system provider's clearly marked test payment instead. Required in staging and production.
   */
  STRIPE_API_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, "STRIPE_API_KEY must be a Stripe secret key (sk_test_... or sk_live_...)").optional(),
  /** Signs the webhooks Stripe sends to /hooks/payment/stripe_stripe (whsec_...). */
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, "STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_...)").optional(),
  /** Tests only: a local Stripe API stand-in. Used only with APP_ENV=test and an sk_test_ key. */
  STRIPE_API_BASE: z.url("STRIPE_API_BASE must be a URL").optional(),
  /** Tests only: how long Medusa waits before processing a payment webhook (its fixed default is 5 s). */
  PAYMENT_WEBHOOK_DELAY_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  /** Sign-in, registration and reset requests: at most this many per window, per account and per IP. */
  AUTH_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  AUTH_RATE_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  AUTH_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(30),
  /** Downloads: how many times one purchase may be downloaded, and a per-customer request rate. */
  DOWNLOAD_CAP_PER_ENTITLEMENT: z.coerce.number().int().min(1).default(20),
  DOWNLOAD_RATE_LIMIT_PER_CUSTOMER: z.coerce.number().int().min(1).default(30),
  DOWNLOAD_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /**
   * Phase 1: invitation only. Unset means on in staging and production, off in development and
   * test (ADR 0016). A runtime setting: restart, no rebuild.
   */
  PRIVATE_MODE: z.enum(["true", "false"], { error: "PRIVATE_MODE must be true or false" }).optional(),
  /**
   * Error reports (Sentry). Unset: reporting is off. Events carry the area and our order id,
   * never cookies, tokens or email addresses (src/lib/monitoring.ts).
   */
  SENTRY_DSN: z
    .string()
    .regex(SENTRY_DSN_PATTERN, "SENTRY_DSN must be a Sentry DSN (https://<key>@<host>/<project>, from the project's Client Keys)")
    .optional(),
  /** Which build a report came from (the deploy sets it to the commit). */
  SENTRY_RELEASE: z.string().min(1).optional(),
  /** Only for `medusa exec ./src/scripts/bootstrap.ts`: who is invited as the first admin. */
  BOOTSTRAP_ADMIN_EMAIL: z.email("BOOTSTRAP_ADMIN_EMAIL must be an email address").optional(),
  /** Only for `medusa exec ./src/scripts/seed.ts`: the first admin, when both are set. */
  SEED_ADMIN_EMAIL: z.email("SEED_ADMIN_EMAIL must be an email address").optional(),
  SEED_ADMIN_PASSWORD: z.string().min(12, "SEED_ADMIN_PASSWORD must be at least 12 characters").optional(),
  DISABLE_ADMIN: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
})

const deployedRules = (env: z.infer<typeof schema>, ctx: z.RefinementCtx) => {
  if (env.APP_ENV !== "staging" && env.APP_ENV !== "production") return
  if (!env.RESEND_API_KEY) {
    ctx.addIssue({ code: "custom", path: ["RESEND_API_KEY"], message: `RESEND_API_KEY is required when APP_ENV=${env.APP_ENV}` })
  }
  if (!env.STOREFRONT_PROXY_SECRET) {
    ctx.addIssue({ code: "custom", path: ["STOREFRONT_PROXY_SECRET"], message: `STOREFRONT_PROXY_SECRET is required when APP_ENV=${env.APP_ENV}` })
  }
  if (!env.STRIPE_API_KEY) {
    ctx.addIssue({ code: "custom", path: ["STRIPE_API_KEY"], message: `STRIPE_API_KEY is required when APP_ENV=${env.APP_ENV}` })
  }
  if (!env.STRIPE_WEBHOOK_SECRET) {
    ctx.addIssue({ code: "custom", path: ["STRIPE_WEBHOOK_SECRET"], message: `STRIPE_WEBHOOK_SECRET is required when APP_ENV=${env.APP_ENV}` })
  }
  if (env.APP_ENV === "production" && env.STRIPE_API_KEY?.includes("_test_")) {
    ctx.addIssue({ code: "custom", path: ["STRIPE_API_KEY"], message: "STRIPE_API_KEY is a test key, but APP_ENV=production needs a live key" })
  }
  if (env.APP_ENV === "staging" && env.STRIPE_API_KEY?.includes("_live_")) {
    ctx.addIssue({ code: "custom", path: ["STRIPE_API_KEY"], message: "STRIPE_API_KEY is a live key, but APP_ENV=staging takes test keys only" })
  }
  for (const name of ["STRIPE_API_BASE", "PAYMENT_WEBHOOK_DELAY_MS"] as const) {
    if (env[name] !== undefined) {
      ctx.addIssue({ code: "custom", path: [name], message: `${name} (a test setting) is not allowed when APP_ENV=${env.APP_ENV}` })
    }
  }
  if (env.RESEND_BASE_URL) {
    ctx.addIssue({ code: "custom", path: ["RESEND_BASE_URL"], message: `RESEND_BASE_URL (a test stand-in) is not allowed when APP_ENV=${env.APP_ENV}` })
  }
}

/**
 * A separate worker only hears of events through Redis. (Not enforced for "server": Medusa's own
 * commands, such as db:migrate, run in server mode without one.)
 */
const processRules = (env: z.infer<typeof schema>, ctx: z.RefinementCtx) => {
  if (env.MEDUSA_WORKER_MODE === "worker" && !env.REDIS_URL) {
    ctx.addIssue({
      code: "custom",
      path: ["REDIS_URL"],
      message: "REDIS_URL is required when MEDUSA_WORKER_MODE=worker: server and worker talk through Redis",
    })
  }
}

const validated = schema.superRefine(deployedRules).superRefine(processRules)

export type BackendEnv = z.infer<typeof schema>

/** Whether the shop is invitation-only right now. */
export function isPrivateMode(env: BackendEnv): boolean {
  if (env.PRIVATE_MODE) return env.PRIVATE_MODE === "true"
  return env.APP_ENV === "staging" || env.APP_ENV === "production"
}

/**
 * The local Stripe stand-in replaces Stripe's API only in tests, with a test key: a production
 * process can never be pointed at it (ADR 0020).
 */
export function stripeStandInBase(env: BackendEnv): string | undefined {
  if (env.APP_ENV !== "test" || !env.STRIPE_API_KEY?.startsWith("sk_test_")) return undefined
  return env.STRIPE_API_BASE
}

/** The system provider's test payment: development and test only, never on a deployed shop. */
export function allowsTestPayments(env: Pick<BackendEnv, "APP_ENV">): boolean {
  return env.APP_ENV === "development" || env.APP_ENV === "test"
}

const LOCAL_ORIGINS = "http://localhost:3000,http://127.0.0.1:3000"
const LOCAL_ADMIN = "http://localhost:9000,http://127.0.0.1:9000"

/** Non-secret defaults that only development and test may lean on. */
function localDefaults(appEnv: string | undefined): Record<string, string> {
  if (appEnv !== "development" && appEnv !== "test") return {}
  return {
    STORE_CORS: LOCAL_ORIGINS,
    ADMIN_CORS: LOCAL_ADMIN,
    AUTH_CORS: `${LOCAL_ORIGINS},${LOCAL_ADMIN}`,
    MEDUSA_BACKEND_URL: "http://localhost:9000",
    STOREFRONT_URL: "http://localhost:3000",
    RESEND_FROM: "Vespertene <hello@vespertene.test>",
  }
}

export class EnvError extends Error {}

export function parseBackendEnv(source: NodeJS.ProcessEnv): BackendEnv {
  const input: Record<string, string | undefined> = { ...source }
  if (!input.APP_ENV && source.NODE_ENV !== "production") input.APP_ENV = "development"
  const withDefaults = { ...localDefaults(input.APP_ENV), ...stripEmpty(input) }
  const result = validated.safeParse(withDefaults)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "env"}: ${issue.message}`)
    throw new EnvError(`Invalid backend environment:\n${lines.join("\n")}\nSee apps/backend/.env.example.`)
  }
  return result.data
}

function stripEmpty(input: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== ""))
}

let cached: BackendEnv | undefined

/** The validated environment of this process. */
export function backendEnv(): BackendEnv {
  cached ??= parseBackendEnv(process.env)
  return cached
}
