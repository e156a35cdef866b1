import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { EntitlementGrant } from "../../../modules/digital-file/service"

/**
 * The lines of an order that deliver a file, as grants for the order's customer. An order
 * without a customer grants nothing (ADR 0005: every download is checked against its owner).
 */
export const findDigitalOrderLinesStep = createStep(
  "find-digital-order-lines",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "customer_id", "items.id", "items.variant_id", "items.product_title"],
      filters: { id: input.order_id },
    })
    const order = orders[0]
    if (!order?.customer_id) return new StepResponse<EntitlementGrant[]>([])
    const items = (order.items ?? []).filter((item): item is NonNullable<typeof item> => Boolean(item?.variant_id))
    if (items.length === 0) return new StepResponse<EntitlementGrant[]>([])
    const { data: variants } = await query.graph({
      entity: "product_variant",
      fields: ["id", "digital_file.id"],
      filters: { id: items.map((item) => item.variant_id!) },
    })
    const fileOf = new Map(variants.map((v) => [v.id, (v as { digital_file?: { id: string } | null }).digital_file?.id]))
    const grants = items.flatMap((item) => {
      const digital_file_id = fileOf.get(item.variant_id!)
      return digital_file_id
        ? [{ customer_id: order.customer_id!, order_id: order.id, line_item_id: item.id, digital_file_id, product_title: item.product_title ?? "" }]
        : []
    })
    return new StepResponse(grants)
  },
)
