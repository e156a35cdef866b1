/**
 * `npm run dev`: the whole shop on this machine with no accounts, keys or network.
 * Embedded Postgres and a local S3 store (unless DATABASE_URL / S3_ENDPOINT point elsewhere),
 * generated secrets, migrations, a seed on first start, then Medusa (API + admin) on :9000
 * and the storefront on :3000. Ctrl-C stops everything it started.
 */
import { join } from "node:path"
import { startObjectStore, LOCAL_S3_ACCESS_KEY_ID, LOCAL_S3_SECRET_ACCESS_KEY } from "@vespertene/devstack/object-store"
import { startEmbeddedPostgres, type RunningPostgres } from "@vespertene/devstack/postgres"
import { assertPortFree, run, startService, stopAll, waitForHttp } from "@vespertene/devstack/processes"
import { loadDevSecrets } from "@vespertene/devstack/secrets"
import {
  ADMIN_EMAIL,
  PRIVATE_BUCKET,
  PUBLIC_BUCKET,
  QUIET_ENV,
  backendDir,
  backendEnv,
  bin,
  dataDir,
  disableMedusaTelemetry,
  findPublishableKey,
  migrateIfNeeded,
  root,
  seedIfEmpty,
  syncPaymentProvidersIfNeeded,
  step,
  storefrontDir,
  type ObjectStoreSettings,
} from "./lib/stack"

const BACKEND_PORT = 9000
const STOREFRONT_PORT = 3000
const POSTGRES_PORT = Number(process.env.DEV_POSTGRES_PORT ?? 54329)
const S3_PORT = Number(process.env.DEV_S3_PORT ?? 9100)
const backendUrl = `http://localhost:${BACKEND_PORT}`
const storefrontUrl = `http://localhost:${STOREFRONT_PORT}`

const cleanups: Array<() => Promise<void>> = []
let stopping = false

async function shutdown(code: number) {
  if (stopping) return
  stopping = true
  console.log("\n› Stopping …")
  await stopAll()
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {})
  process.exit(code)
}
process.on("SIGINT", () => void shutdown(0))
process.on("SIGTERM", () => void shutdown(0))

async function main() {
  const started = Date.now()
  await assertPortFree(BACKEND_PORT, "Medusa")
  await assertPortFree(STOREFRONT_PORT, "storefront")
  if (!process.env.DATABASE_URL) await assertPortFree(POSTGRES_PORT, "embedded PostgreSQL; set DEV_POSTGRES_PORT to move it")
  if (!process.env.S3_ENDPOINT) await assertPortFree(S3_PORT, "local object store; set DEV_S3_PORT to move it")
  const secrets = loadDevSecrets(join(dataDir, "secrets.json"))

  step("Building shared packages …")
  await run(bin(root, "turbo"), ["run", "build", "--filter=./packages/*", "--output-logs=errors-only"], {
    cwd: root,
    env: { ...process.env, ...QUIET_ENV },
  })

  let databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    step(`Starting embedded PostgreSQL on 127.0.0.1:${POSTGRES_PORT} (data in .data/postgres) …`)
    const postgres: RunningPostgres = await startEmbeddedPostgres({ dataDir: join(dataDir, "postgres"), port: POSTGRES_PORT })
    cleanups.push(() => postgres.stop())
    await postgres.ensureDatabase("vespertene")
    databaseUrl = postgres.url("vespertene")
  }

  let store: ObjectStoreSettings
  if (process.env.S3_ENDPOINT) {
    store = {
      endpoint: process.env.S3_ENDPOINT,
      publicUrl: process.env.S3_PUBLIC_URL ?? "",
      publicBucket: process.env.S3_PUBLIC_BUCKET ?? "",
      privateBucket: process.env.S3_PRIVATE_BUCKET ?? "",
      accessKeyId: process.env.S3_ACCESS_KEY_ID ?? "",
      secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? "",
      region: process.env.S3_REGION ?? "auto",
    }
  } else {
    step(`Starting the local object store (R2 stand-in) on 127.0.0.1:${S3_PORT} (data in .data/s3) …`)
    const local = await startObjectStore({
      directory: join(dataDir, "s3"),
      port: S3_PORT,
      publicBucket: PUBLIC_BUCKET,
      privateBucket: PRIVATE_BUCKET,
    })
    cleanups.push(() => local.stop())
    store = { ...local, accessKeyId: LOCAL_S3_ACCESS_KEY_ID, secretAccessKey: LOCAL_S3_SECRET_ACCESS_KEY, region: "auto" }
  }

  const env = backendEnv({
    appEnv: "development",
    databaseUrl,
    store,
    secrets,
    backendUrl,
    storefrontUrl,
    outboxDir: join(dataDir, "outbox"),
  })
  await disableMedusaTelemetry(env)
  await migrateIfNeeded(env, step)
  const seeded = await seedIfEmpty(env, { email: ADMIN_EMAIL, password: secrets.ADMIN_PASSWORD }, step)
  if (!seeded) await syncPaymentProvidersIfNeeded(env, step)
  const publishableKey = await findPublishableKey(databaseUrl)

  step("Starting Medusa (API and admin) …")
  const backend = startService("backend", bin(backendDir, "medusa"), ["develop", "--host", "127.0.0.1", "--port", String(BACKEND_PORT)], {
    cwd: backendDir,
    env,
  })
  await waitForHttp(`http://127.0.0.1:${BACKEND_PORT}/health`, { timeoutMs: 180_000, service: backend })

  step("Starting the storefront …")
  const storefront = startService("storefront", bin(storefrontDir, "next"), ["dev", "--hostname", "127.0.0.1", "--port", String(STOREFRONT_PORT)], {
    cwd: storefrontDir,
    env: {
      ...process.env,
      ...QUIET_ENV,
      APP_ENV: "development",
      MEDUSA_BACKEND_URL: `http://127.0.0.1:${BACKEND_PORT}`,
      MEDUSA_PUBLISHABLE_KEY: publishableKey,
      MEDUSA_JWT_SECRET: secrets.JWT_SECRET,
      STOREFRONT_PROXY_SECRET: secrets.STOREFRONT_PROXY_SECRET,
      IMAGE_ORIGINS: store.publicUrl,
    },
  })
  await waitForHttp(`http://127.0.0.1:${STOREFRONT_PORT}/`, { timeoutMs: 180_000, service: storefront })

  for (const service of [backend, storefront]) {
    void service.exited.then((code) => {
      if (!stopping) {
        console.error(`\n${service.name} stopped unexpectedly (exit ${code}).`)
        void shutdown(1)
      }
    })
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`
\x1b[1mVespertene is up\x1b[0m (ready in ${seconds} s)

  Storefront   ${storefrontUrl}
  Admin        ${backendUrl}/app
  Admin login  ${ADMIN_EMAIL} / ${secrets.ADMIN_PASSWORD}
  Email outbox ${backendUrl}/dev/outbox (no email leaves this machine)
  API          ${backendUrl}/store/products (header x-publishable-api-key: ${publishableKey})

Data lives in .data/ (delete it for a fresh shop). Ctrl-C stops everything.
`)
}

main().catch(async (error) => {
  console.error(`\n✖ ${error instanceof Error ? error.message : error}`)
  await shutdown(1)
})
