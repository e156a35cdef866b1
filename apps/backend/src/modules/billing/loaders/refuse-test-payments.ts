import type { LoaderOptions } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { allowsTestPayments, backendEnv, type AppEnv } from "../../../lib/env"

export const SYSTEM_PROVIDER = "pp_system_default"

/**
 * Medusa's system payment provider completes orders without taking money. It may be offered in
 * development and test only: a staging or production backend with it enabled on any region
 * refuses to start, naming the regions, instead of giving files away.
 */
export async function refuseTestPayments(pg: Knex, appEnv: AppEnv): Promise<void> {
  if (allowsTestPayments({ APP_ENV: appEnv })) return
  // A database that is not migrated yet has no regions to check.
  if (!(await pg.schema.hasTable("region_payment_provider"))) return
  const rows: Array<{ name: string }> = await pg("region_payment_provider as rpp")
    .join("region as r", "r.id", "rpp.region_id")
    .where("rpp.payment_provider_id", SYSTEM_PROVIDER)
    .whereNull("rpp.deleted_at")
    .whereNull("r.deleted_at")
    .orderBy("r.name")
    .select("r.name")
  if (rows.length === 0) return
  throw new Error(
    `APP_ENV=${appEnv} with Medusa's test payment provider (${SYSTEM_PROVIDER}) enabled on the region(s) ` +
      `${rows.map((r) => `"${r.name}"`).join(", ")}: it completes orders without payment. Remove it from those regions ` +
      "(admin: Settings → Regions → Payment providers) before starting.",
  )
}

export default async function refuseTestPaymentsLoader({ container }: LoaderOptions) {
  await refuseTestPayments(container.resolve(ContainerRegistrationKeys.PG_CONNECTION), backendEnv().APP_ENV)
}
