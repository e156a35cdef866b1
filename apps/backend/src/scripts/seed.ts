import type { ExecArgs } from "@medusajs/framework/types"
import { backendEnv } from "../lib/env"
import { seedShop } from "../seed/seed-shop"

/**
 * `medusa exec ./src/scripts/seed.ts`: seeds an empty database (see seedShop).
 * SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD, when both set, also create the first admin.
 */
export default async function seed({ container }: ExecArgs) {
  const { SEED_ADMIN_EMAIL: email, SEED_ADMIN_PASSWORD: password } = backendEnv()
  await seedShop(container, { admin: email && password ? { email, password } : undefined })
}
