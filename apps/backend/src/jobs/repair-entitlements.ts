import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reportError } from "../lib/monitoring"
import { DIGITAL_FILE_MODULE } from "../modules/digital-file"
import type DigitalFileModuleService from "../modules/digital-file/service"
import { grantOrderEntitlementsWorkflow } from "../workflows/delivery/workflows/grant-order-entitlements"

/** How far back the repair looks, and how many orders it takes per run. */
const LOOKBACK_DAYS = 7
const BATCH = 200

/**
 * The event bus does not retry: an order.placed that failed to grant is repaired here. Granting
 * is idempotent, so orders that already have their entitlements are untouched.
 */
export default async function repairEntitlements(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const since = new Date(Date.now() - LOOKBACK_DAYS * 24 * 60 * 60 * 1000)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { created_at: { $gte: since }, customer_id: { $ne: null } },
    pagination: { take: BATCH, order: { created_at: "DESC" } },
  })
  if (orders.length === 0) return
  const service: DigitalFileModuleService = container.resolve(DIGITAL_FILE_MODULE)
  const served = new Set(
    (await service.listEntitlements({ order_id: orders.map((o) => o.id) }, { select: ["order_id"] })).map((e) => e.order_id),
  )
  let granted = 0
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const order of orders.filter((o) => !served.has(o.id))) {
    try {
      const { result } = await grantOrderEntitlementsWorkflow(container).run({ input: { order_id: order.id } })
      granted += result.length
    } catch (error) {
      // One order that cannot be granted must not hold up the others; the next run tries again.
      reportError(error, { area: "fulfilment", orderId: order.id })
      logger.error(`Entitlement repair: granting order ${order.id} failed (${(error as Error).message})`)
    }
  }
  if (granted > 0) logger.warn(`Entitlement repair granted ${granted} missing entitlement(s)`)
}

export const config = { name: "repair-entitlements", schedule: "*/10 * * * *" }
