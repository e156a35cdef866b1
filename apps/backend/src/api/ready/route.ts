import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
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
 * Readiness for the uptime monitor and the platform's health checks: the database answers and the
 * private bucket (the files customers paid for) answers a signed request. `/health` (Medusa's own)
 * is liveness only. Says which dependency fails, never why (no hosts, no credentials).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const pg = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const files: DigitalFileModuleService = req.scope.resolve(DIGITAL_FILE_MODULE)
  const [database, bucket] = await Promise.all([
    check(() => pg.raw("select 1")),
    check(() => files.privateBucket.checkReachable(TIMEOUT_MS)),
  ])
  const ready = database === "ok" && bucket === "ok"
  res.setHeader("cache-control", "no-store")
  res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not ready", checks: { database, bucket } })
}
