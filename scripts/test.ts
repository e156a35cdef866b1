/**
 * `npm test`: every lane, in order, on this machine.
 *   unit         Vitest: packages and storefront logic
 *   integration  Jest + Medusa's test runner against a real (embedded) Postgres and the S3 stand-in
 *   e2e          Playwright in Debian's Chromium against production builds of both apps
 * Ends with one line `N passed, N failed` summed over the lanes. `--lane <name>` runs one lane.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import { startObjectStore, LOCAL_S3_ACCESS_KEY_ID, LOCAL_S3_SECRET_ACCESS_KEY, type RunningObjectStore } from "@vespertene/devstack/object-store"
import { startEmbeddedPostgres, type RunningPostgres } from "@vespertene/devstack/postgres"
import { startPgBouncer, startRedis } from "@vespertene/devstack/scale-out"
import { startStripeStandIn } from "@vespertene/stripe-stand-in"
import { freePort, run, runInherit, startService, stopAll, waitForHttp } from "@vespertene/devstack/processes"
import {
  PRIVATE_BUCKET,
  PUBLIC_BUCKET,
  QUIET_ENV,
  backendDir,
  backendEnv,
  bin,
  dataDir,
  disableMedusaTelemetry,
  findPublishableKey,
  productionNodeOptions,
  root,
  step,
  storefrontDir,
  type ObjectStoreSettings,
} from "./lib/stack"
import { ensureDebianPackages, hasCommand } from "./lib/system-packages"

type Counts = { passed: number; failed: number; skipped: number }
type Lane = { name: string; run: () => Promise<Counts> }

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
const reports = join(dataDir, "test-reports")
/** Where the private storefront's build goes, beside the open one in .next. */
const PRIVATE_DIST_DIR = ".next-private"
const testSecrets = {
  // Test-only values for a throwaway backend on loopback.
  JWT_SECRET: "test-jwt-secret-for-loopback-only-0123456789",
  COOKIE_SECRET: "test-cookie-secret-for-loopback-only-012345",
  STOREFRONT_PROXY_SECRET: "test-proxy-secret-for-loopback-only-01234",
}
const STRIPE_TEST = {
  // Stripe-shaped test keys for the local stand-in; Stripe itself never sees them.
  secretKey: "sk_test_vespertene_loopback_0123456789",
  publishableKey: "pk_test_vespertene_loopback_0123456789",
  webhookSecret: "whsec_vespertene_loopback_0123456789",
}
const testAdmin = { email: "admin@vespertene.test", password: "test-admin-password-loopback" }

let postgres: RunningPostgres | undefined
let objectStore: RunningObjectStore | undefined

/** One Postgres and one object store for the whole run, fresh each time. */
async function stack() {
  if (!postgres) {
    const dir = join(dataDir, "test-postgres")
    rmSync(dir, { recursive: true, force: true })
    postgres = await startEmbeddedPostgres({ dataDir: dir, port: await freePort() })
  }
  if (!objectStore) {
    const dir = join(dataDir, "test-s3")
    rmSync(dir, { recursive: true, force: true })
    objectStore = await startObjectStore({ directory: dir, port: 0, publicBucket: PUBLIC_BUCKET, privateBucket: PRIVATE_BUCKET })
  }
  const store: ObjectStoreSettings = {
    ...objectStore,
    accessKeyId: LOCAL_S3_ACCESS_KEY_ID,
    secretAccessKey: LOCAL_S3_SECRET_ACCESS_KEY,
    region: "auto",
  }
  return { postgres, store }
}

function readJson<T>(file: string): T {
  if (!existsSync(file)) throw new Error(`the test runner wrote no report (${file})`)
  return JSON.parse(readFileSync(file, "utf8")) as T
}

type VitestOrJestReport = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests?: number }

function countsOf(report: VitestOrJestReport): Counts {
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + (report.numTodoTests ?? 0) }
}

async function unitLane(): Promise<Counts> {
  const total: Counts = { passed: 0, failed: 0, skipped: 0 }
  for (const dir of [join(root, "packages", "money"), join(root, "packages", "emails"), join(root, "packages", "monitoring"), backendDir, storefrontDir]) {
    const report = join(reports, `unit-${dir.split("/").pop()}.json`)
    rmSync(report, { force: true })
    await runInherit(bin(dir, "vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${report}`, ...onlyFilesOrNone()], {
      cwd: dir,
      env: { ...process.env, ...QUIET_ENV },
    })
    const counts = countsOf(readJson(report))
    total.passed += counts.passed
    total.failed += counts.failed
    total.skipped += counts.skipped
  }
  return total
}

async function integrationLane(): Promise<Counts> {
  const { postgres, store } = await stack()
  const outboxDir = join(dataDir, "test-outbox", "integration")
  rmSync(outboxDir, { recursive: true, force: true })
  const env = {
    ...backendEnv({
      appEnv: "test",
      databaseUrl: postgres.url("postgres"),
      store,
      secrets: testSecrets,
      backendUrl: "http://localhost:9000",
      storefrontUrl: "http://localhost:3000",
      outboxDir,
    }),
    NODE_OPTIONS: "--experimental-vm-modules",
    DB_HOST: "localhost",
    DB_PORT: String(postgres.port),
    DB_USERNAME: "postgres",
    DB_PASSWORD: "postgres",
    LOG_LEVEL: "error",
  }
  await disableMedusaTelemetry(env)
  const report = join(reports, "integration.json")
  rmSync(report, { force: true })
  await runInherit(bin(backendDir, "jest"), ["--runInBand", "--forceExit", "--json", `--outputFile=${report}`, ...onlyFiles()], {
    cwd: backendDir,
    env,
  })
  return countsOf(readJson(report))
}

async function e2eLane(): Promise<Counts> {
  const { postgres, store } = await stack()
  await postgres.ensureDatabase("vespertene_e2e")
  const backendPort = await freePort()
  const storefrontPort = await freePort()
  const backendUrl = `http://127.0.0.1:${backendPort}`
  const storefrontUrl = `http://127.0.0.1:${storefrontPort}`
  // Stripe's API and webhooks, offline: Medusa's Stripe provider talks to the local stand-in
  // (test key, APP_ENV=test only), which signs and sends its events to the backend.
  const stripe = await startStripeStandIn({ webhookSecret: STRIPE_TEST.webhookSecret, webhookUrl: `${backendUrl}/hooks/payment/stripe_stripe` })
  // Sentry's ingest, offline: both apps (server and browser) report errors to a local stand-in.
  // Imported here: the package is built by the step before the lanes.
  const { startSentryStandIn } = await import("@vespertene/monitoring/stand-in")
  const sentry = await startSentryStandIn()
  const env = {
    ...backendEnv({
      appEnv: "test",
      databaseUrl: postgres.url("vespertene_e2e"),
      store,
      secrets: testSecrets,
      backendUrl,
      storefrontUrl,
      outboxDir: join(dataDir, "test-outbox", "e2e"),
    }),
    STRIPE_API_KEY: STRIPE_TEST.secretKey,
    STRIPE_WEBHOOK_SECRET: STRIPE_TEST.webhookSecret,
    STRIPE_API_BASE: stripe.url,
    // Medusa's fixed 5 s webhook delay, shortened: the browser still completes first as a rule.
    PAYMENT_WEBHOOK_DELAY_MS: "1000",
    SENTRY_DSN: sentry.dsn,
    // Every e2e customer signs in from 127.0.0.1: one address for a whole shop's worth of people.
    // The per-address limit is the integration lane's to test; the per-account one stays as shipped.
    AUTH_RATE_LIMIT_PER_IP: "1000",
  }
  rmSync(join(dataDir, "test-outbox"), { recursive: true, force: true })
  await disableMedusaTelemetry(env)

  step("e2e: building the backend (production build) …")
  await run(bin(backendDir, "medusa"), ["build"], { cwd: backendDir, env })
  step("e2e: migrating and seeding …")
  await run(bin(backendDir, "medusa"), ["db:migrate"], { cwd: backendDir, env })
  await run(bin(backendDir, "medusa"), ["exec", "./src/scripts/seed.ts"], {
    cwd: backendDir,
    env: { ...env, SEED_ADMIN_EMAIL: testAdmin.email, SEED_ADMIN_PASSWORD: testAdmin.password },
  })
  const publishableKey = await findPublishableKey(postgres.url("vespertene_e2e"))

  const serverDir = join(backendDir, ".medusa", "server")
  /** `medusa start` from the production build, on loopback; its output kept in the reports. */
  const startBackend = async (name: string, port: number, extraEnv: NodeJS.ProcessEnv = {}) => {
    const url = `http://127.0.0.1:${port}`
    const service = startService(name, bin(backendDir, "medusa"), ["start", "--host", "127.0.0.1", "--port", String(port)], {
      cwd: serverDir,
      env: { ...env, NODE_ENV: "production", NODE_OPTIONS: productionNodeOptions(), MEDUSA_BACKEND_URL: url, ...extraEnv },
      quiet: true,
      logFile: join(reports, `e2e-${name}.log`),
    })
    await waitForHttp(`${url}/health`, { timeoutMs: 120_000, service })
    return url
  }
  /** `next start` from the production build, on loopback. */
  const startStorefront = async (name: string, port: number, readyPath: string, extraEnv: NodeJS.ProcessEnv = {}) => {
    const url = `http://127.0.0.1:${port}`
    const service = startService(name, bin(storefrontDir, "next"), ["start", "--hostname", "127.0.0.1", "--port", String(port)], {
      cwd: storefrontDir,
      env: { ...storefrontEnv, NODE_ENV: "production", ...extraEnv },
      quiet: true,
      logFile: join(reports, `e2e-${name}.log`),
    })
    await waitForHttp(`${url}${readyPath}`, { timeoutMs: 60_000, service })
    return url
  }

  step("e2e: starting the backend …")
  await startBackend("backend", backendPort)

  // The storefront prerenders the catalogue at build time, so it builds against the running backend.
  const storefrontEnv = {
    ...process.env,
    ...QUIET_ENV,
    APP_ENV: "test",
    MEDUSA_BACKEND_URL: backendUrl,
    MEDUSA_PUBLISHABLE_KEY: publishableKey,
    MEDUSA_JWT_SECRET: testSecrets.JWT_SECRET,
    STOREFRONT_PROXY_SECRET: testSecrets.STOREFRONT_PROXY_SECRET,
    IMAGE_ORIGINS: store.publicUrl,
    STRIPE_PUBLISHABLE_KEY: STRIPE_TEST.publishableKey,
    // The test Stripe.js talks to the stand-in: the checkout's CSP must let it (test only).
    CSP_EXTRA_CONNECT_SRC: stripe.url,
    NEXT_PUBLIC_SENTRY_DSN: sentry.dsn,
    // Short, so a test can watch an admin edit reach its page.
    CATALOGUE_REVALIDATE_SECONDS: "2",
  }
  step("e2e: building the storefront (production build) …")
  await run(bin(storefrontDir, "next"), ["build"], { cwd: storefrontDir, env: storefrontEnv })
  await startStorefront("storefront", storefrontPort, "/")

  // Private mode for its tests: the backend's build again (a run-time setting there), and a second
  // storefront build beside the first (private mode is fixed at build, ADR 0027).
  const privateBackendUrl = await startBackend("backend-private", await freePort(), { PRIVATE_MODE: "true" })
  const privateStorefront = { PRIVATE_MODE: "true", MEDUSA_BACKEND_URL: privateBackendUrl, NEXT_DIST_DIR: PRIVATE_DIST_DIR }
  step("e2e: building the private storefront (production build) …")
  await run(bin(storefrontDir, "next"), ["build"], { cwd: storefrontDir, env: { ...storefrontEnv, ...privateStorefront } })
  const privateStorefrontUrl = await startStorefront("storefront-private", await freePort(), "/sign-in", privateStorefront)

  // Production's scale-out shape from the same build: PgBouncer in transaction mode in front of
  // the database (migrated above through the direct URL), Redis, a server and a worker process.
  step("e2e: scale-out: Redis, PgBouncer, a server and a worker process …")
  const redis = await startRedis({ port: await freePort(), logFile: join(reports, "e2e-redis.log") })
  const bouncer = await startPgBouncer({
    port: await freePort(),
    dir: join(dataDir, "test-pgbouncer"),
    upstreamPort: postgres.port,
    databases: ["vespertene_e2e"],
    user: "postgres",
    password: "postgres",
  })
  const scaleEnv = { DATABASE_URL: bouncer.url("vespertene_e2e"), REDIS_URL: redis.url }
  const scaleServerUrl = await startBackend("backend-server", await freePort(), { ...scaleEnv, MEDUSA_WORKER_MODE: "server" })
  await startBackend("backend-worker", await freePort(), { ...scaleEnv, MEDUSA_WORKER_MODE: "worker" })

  const report = join(reports, "e2e.json")
  rmSync(report, { force: true })
  await runInherit(bin(storefrontDir, "playwright"), ["test", ...onlyFiles()], {
    cwd: storefrontDir,
    env: {
      ...storefrontEnv,
      CHROMIUM_PATH: CHROMIUM,
      E2E_STOREFRONT_URL: storefrontUrl,
      E2E_BACKEND_URL: backendUrl,
      E2E_PUBLISHABLE_KEY: publishableKey,
      E2E_ADMIN_EMAIL: testAdmin.email,
      E2E_ADMIN_PASSWORD: testAdmin.password,
      E2E_PRIVATE_STOREFRONT_URL: privateStorefrontUrl,
      E2E_PRIVATE_BACKEND_URL: privateBackendUrl,
      E2E_PRIVATE_DIST_DIR: PRIVATE_DIST_DIR,
      E2E_JSON_REPORT: report,
      E2E_STRIPE_URL: stripe.url,
      E2E_SENTRY_URL: sentry.url,
      E2E_SCALE_SERVER_URL: scaleServerUrl,
      E2E_BACKEND_SERVER_DIR: serverDir,
      E2E_DATABASE_URL: postgres.url("vespertene_e2e"),
      E2E_SCALE_REDIS_URL: redis.url,
      // What must never reach the storefront's build output (checked by build-output.spec.ts).
      E2E_SERVER_SECRETS: JSON.stringify([
        STRIPE_TEST.secretKey,
        STRIPE_TEST.webhookSecret,
        testSecrets.JWT_SECRET,
        testSecrets.COOKIE_SECRET,
        testSecrets.STOREFRONT_PROXY_SECRET,
      ]),
    },
  })
  await stopAll()
  await stripe.stop()
  await sentry.stop()
  const stats = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(report).stats
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped }
}

/** What the e2e lane needs from the system: Chromium, and Redis and PgBouncer for the scale-out test. */
function ensureE2ePackages() {
  ensureDebianPackages({ chromium: existsSync(CHROMIUM), "redis-server": hasCommand("redis-server"), pgbouncer: hasCommand("pgbouncer") })
}

/** `npm test -- --lane e2e --only checkout`: only the test files whose path matches. */
/** `--only` for Vitest: a package with no matching file is fine then, and only then. */
function onlyFilesOrNone(): string[] {
  const only = onlyFiles()
  return only.length > 0 ? ["--passWithNoTests", ...only] : []
}

function onlyFiles(): string[] {
  const at = process.argv.indexOf("--only")
  return at > 0 && process.argv[at + 1] ? [process.argv[at + 1]!] : []
}

async function main() {
  const only = process.argv.includes("--lane") ? process.argv[process.argv.indexOf("--lane") + 1] : undefined
  const lanes: Lane[] = [
    { name: "unit", run: unitLane },
    { name: "integration", run: integrationLane },
    { name: "e2e", run: e2eLane },
  ].filter((lane) => !only || lane.name === only)
  if (lanes.length === 0) throw new Error(`Unknown lane "${only}": unit, integration or e2e`)

  mkdirSync(reports, { recursive: true })
  step("Building shared packages …")
  await run(bin(root, "turbo"), ["run", "build", "--filter=./packages/*", "--output-logs=errors-only"], {
    cwd: root,
    env: { ...process.env, ...QUIET_ENV },
  })
  if (lanes.some((lane) => lane.name === "e2e")) ensureE2ePackages()

  const results: Array<{ name: string; counts: Counts; seconds: number; error?: string }> = []
  for (const lane of lanes) {
    step(`Lane: ${lane.name}`)
    const started = Date.now()
    try {
      results.push({ name: lane.name, counts: await lane.run(), seconds: (Date.now() - started) / 1000 })
    } catch (error) {
      await stopAll()
      const message = error instanceof Error ? error.message : String(error)
      console.error(`✖ The ${lane.name} lane could not run: ${message}`)
      results.push({ name: lane.name, counts: { passed: 0, failed: 1, skipped: 0 }, seconds: (Date.now() - started) / 1000, error: message })
    }
  }
  await stopAll()
  await objectStore?.stop()
  await postgres?.stop()

  console.log("\nLanes:")
  for (const r of results) {
    const note = r.error ? "  (lane failed to run)" : ""
    console.log(`  ${r.name.padEnd(12)} ${r.counts.passed} passed, ${r.counts.failed} failed, ${r.counts.skipped} skipped  ${r.seconds.toFixed(1)} s${note}`)
  }
  const passed = results.reduce((sum, r) => sum + r.counts.passed, 0)
  const failed = results.reduce((sum, r) => sum + r.counts.failed, 0)
  const noTests = passed + failed === 0
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(failed > 0 || noTests ? 1 : 0)
}

process.on("SIGINT", () => void stopAll().then(() => process.exit(130)))
main().catch(async (error) => {
  console.error(error)
  await stopAll()
  await objectStore?.stop().catch(() => {})
  await postgres?.stop().catch(() => {})
  console.log("0 passed, 1 failed")
  process.exit(1)
})
