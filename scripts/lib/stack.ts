/**
 * What `npm run dev` and `npm test` share: where things live, the backend's environment for a
 * given stack, and the database steps (migrate, seed once, find the publishable key).
 */
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { queryOnce } from "@vespertene/devstack/postgres"
import type { RunningObjectStore } from "@vespertene/devstack/object-store"
import { run } from "@vespertene/devstack/processes"

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..")
export const dataDir = join(root, ".data")
export const backendDir = join(root, "apps", "backend")
export const storefrontDir = join(root, "apps", "storefront")
export const bin = (dir: string, name: string) => join(dir, "node_modules", ".bin", name)

export const PUBLIC_BUCKET = "vespertene-public"
export const PRIVATE_BUCKET = "vespertene-private"
export const ADMIN_EMAIL = "admin@vespertene.test"

/** Telemetry off for every tool, in every process we start. */
export const QUIET_ENV = {
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  MEDUSA_DISABLE_TELEMETRY: "true",
  DO_NOT_TRACK: "1",
}

export type ObjectStoreSettings = Pick<RunningObjectStore, "endpoint" | "publicUrl" | "publicBucket" | "privateBucket"> & {
  accessKeyId: string
  secretAccessKey: string
  region: string
}

export function backendEnv(options: {
  appEnv: "development" | "test"
  databaseUrl: string
  store: ObjectStoreSettings
  secrets: { JWT_SECRET: string; COOKIE_SECRET: string; STOREFRONT_PROXY_SECRET: string }
  backendUrl: string
  storefrontUrl: string
  outboxDir: string
}): NodeJS.ProcessEnv {
  const { store } = options
  return {
    ...process.env,
    ...QUIET_ENV,
    APP_ENV: options.appEnv,
    DATABASE_URL: options.databaseUrl,
    JWT_SECRET: options.secrets.JWT_SECRET,
    COOKIE_SECRET: options.secrets.COOKIE_SECRET,
    STOREFRONT_PROXY_SECRET: options.secrets.STOREFRONT_PROXY_SECRET,
    MEDUSA_BACKEND_URL: options.backendUrl,
    STOREFRONT_URL: options.storefrontUrl,
    STORE_CORS: options.storefrontUrl,
    ADMIN_CORS: options.backendUrl,
    AUTH_CORS: `${options.storefrontUrl},${options.backendUrl}`,
    S3_ENDPOINT: store.endpoint,
    S3_REGION: store.region,
    S3_ACCESS_KEY_ID: store.accessKeyId,
    S3_SECRET_ACCESS_KEY: store.secretAccessKey,
    S3_PUBLIC_BUCKET: store.publicBucket,
    S3_PUBLIC_URL: store.publicUrl,
    S3_PRIVATE_BUCKET: store.privateBucket,
    EMAIL_OUTBOX_DIR: options.outboxDir,
  }
}

/** `medusa telemetry --disable` once per machine user (the env variable alone is read too late). */
export async function disableMedusaTelemetry(env: NodeJS.ProcessEnv) {
  const marker = join(dataDir, ".medusa-telemetry-disabled")
  if (existsSync(marker)) return
  await run(bin(backendDir, "medusa"), ["telemetry", "--disable"], { cwd: backendDir, env })
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(marker, new Date().toISOString())
}

/** A fingerprint of everything that decides the schema: the lockfile and our own migrations and links. */
function schemaFingerprint(): string {
  const hash = createHash("sha256").update(readFileSync(join(root, "pnpm-lock.yaml")))
  const walk = (dir: string) => {
    if (!existsSync(dir)) return
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (/\.(ts|js|json)$/.test(name)) hash.update(path).update(readFileSync(path))
    }
  }
  walk(join(backendDir, "src", "modules"))
  walk(join(backendDir, "src", "links"))
  return hash.digest("hex")
}

/** Runs `medusa db:migrate` unless this database was already migrated with this exact schema. */
export async function migrateIfNeeded(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<boolean> {
  const stampDir = join(dataDir, "migrated")
  const stamp = join(stampDir, createHash("sha256").update(String(env.DATABASE_URL)).digest("hex").slice(0, 16))
  const fingerprint = schemaFingerprint()
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint) return false
  log("Migrating the database (first start takes about 30 s) …")
  await run(bin(backendDir, "medusa"), ["db:migrate"], { cwd: backendDir, env })
  mkdirSync(stampDir, { recursive: true })
  writeFileSync(stamp, fingerprint)
  return true
}

/** Seeds when the database has no products; the seed itself is idempotent too. */
export async function seedIfEmpty(env: NodeJS.ProcessEnv, admin: { email: string; password: string } | null, log: (line: string) => void) {
  const [row] = await queryOnce<{ count: string }>(String(env.DATABASE_URL), "select count(*) from product where deleted_at is null")
  if (Number(row?.count) > 0) return false
  log("Seeding the shop: regions, GST, six digital products with images and ZIPs …")
  const seedEnv = admin ? { ...env, SEED_ADMIN_EMAIL: admin.email, SEED_ADMIN_PASSWORD: admin.password } : env
  await run(bin(backendDir, "medusa"), ["exec", "./src/scripts/seed.ts"], { cwd: backendDir, env: seedEnv })
  return true
}

/**
 * Stripe keys added (or removed) after the first seed: the regions' payment providers follow,
 * through the seed script (which only syncs them on a seeded database). One query when in step.
 */
export async function syncPaymentProvidersIfNeeded(env: NodeJS.ProcessEnv, log: (line: string) => void) {
  const [row] = await queryOnce<{ regions: string; with_stripe: string }>(
    String(env.DATABASE_URL),
    `select (select count(*) from region where deleted_at is null) as regions,
            (select count(*) from region_payment_provider where payment_provider_id = 'pp_stripe_stripe' and deleted_at is null) as with_stripe`,
  )
  const wantStripe = Boolean(env.STRIPE_API_KEY)
  const regions = Number(row?.regions ?? 0)
  const withStripe = Number(row?.with_stripe ?? 0)
  if (wantStripe ? withStripe === regions : withStripe === 0) return false
  log(wantStripe ? "Adding Stripe to the regions' payment providers …" : "Removing Stripe from the regions (no STRIPE_API_KEY) …")
  await run(bin(backendDir, "medusa"), ["exec", "./src/scripts/seed.ts"], { cwd: backendDir, env })
  return true
}

export async function findPublishableKey(databaseUrl: string): Promise<string> {
  const rows = await queryOnce<{ token: string }>(
    databaseUrl,
    "select token from api_key where type = 'publishable' and revoked_at is null and deleted_at is null order by created_at limit 1",
  )
  if (!rows[0]) throw new Error("The database has no publishable API key: was it seeded?")
  return rows[0].token
}

export function step(message: string) {
  console.log(`\x1b[35m›\x1b[0m ${message}`)
}

/**
 * The backend's Node options in production (`fly.toml`, ADR 0028: a fixed heap), so that the
 * end-to-end lane and the benchmark run the backend as production does.
 */
export function productionNodeOptions(): string {
  const options = /^\s*NODE_OPTIONS\s*=\s*"([^"]*)"/m.exec(readFileSync(join(root, "fly.toml"), "utf8"))?.[1]
  if (!options) throw new Error("fly.toml sets no NODE_OPTIONS for the backend (ADR 0028)")
  return options
}
