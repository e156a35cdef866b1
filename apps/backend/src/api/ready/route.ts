import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { backendEnv } from "../../lib/env"
import { DIGITAL_FILE_MODULE } from "../../modules/digital-file"
import type DigitalFileModuleService from "../../modules/digital-file/service"

const TIMEOUT_MS = 3_000

async function check(run: () => Promise<unknown>): Promise<"ok" | "failing"> {
  try {
    await Promise.race([run(), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS))])
    return "ok"
  } catch {
    return "failing"
  }
}

/**
 * Readiness for the uptime monitor and the platform's health checks: the database answers, the
 * private bucket (the files customers paid for) answers a signed request, and, when the backend
 * runs on Redis, Redis answers (through the cache module). `/health` (Medusa's own) is liveness
 * only. Says which dependency fails, never why (no hosts, no credentials).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const pg = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const files: DigitalFileModuleService = req.scope.resolve(DIGITAL_FILE_MODULE)
  const probes: Record<string, () => Promise<unknown>> = {
    database: () => pg.raw("select 1"),
    bucket: () => files.privateBucket.checkReachable(TIMEOUT_MS),
  }
  if (backendEnv().REDIS_URL) {
    const cache = req.scope.resolve(Modules.CACHE)
    probes.redis = async () => {
      // A key of its own per probe: processes probing at once must not read each other's value.
      const key = `readiness-probe:${randomUUID()}`
      await cache.set(key, "1", 10)
      if ((await cache.get<string>(key)) !== "1") throw new Error("redis did not keep the probe")
      await cache.invalidate(key)
    }
  }
  const names = Object.keys(probes)
  const results = await Promise.all(names.map((name) => check(probes[name]!)))
  const checks = Object.fromEntries(names.map((name, i) => [name, results[i]]))
  const ready = results.every((result) => result === "ok")
  res.setHeader("cache-control", "no-store")
  res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not ready", checks })
}
