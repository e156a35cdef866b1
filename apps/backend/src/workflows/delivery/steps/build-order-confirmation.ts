import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { EmailTemplates } from "@vespertene/emails"
import { fromMedusaAmount, type MedusaAmount } from "@vespertene/money/medusa"
import { backendEnv } from "../../../lib/env"
import { DIGITAL_FILE_MODULE } from "../../../modules/digital-file"
import type DigitalFileModuleService from "../../../modules/digital-file/service"

export type OrderNotification = {
  to: string
  channel: "email"
  template: "order-confirmation"
  data: EmailTemplates["order-confirmation"]
  idempotency_key: string
}

/**
 * The order confirmation, built once the entitlements exist: one stable storefront link per
 * file (never a presigned URL), totals in integer cents. Only files the buyer may still download
 * are linked (a resend after a refund leaves the refunded ones out); nothing to send without them.
 */
export const buildOrderConfirmationStep = createStep(
  "build-order-confirmation",
  async (input: { order_id: string }, { container }) => {
    const files: DigitalFileModuleService = container.resolve(DIGITAL_FILE_MODULE)
    const entitlements = await files.listEntitlements({ order_id: input.order_id, status: "active" })
    if (entitlements.length === 0) return new StepResponse<OrderNotification[]>([])
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "email", "currency_code", "total", "tax_total", "items.title", "items.product_title", "items.total"],
      filters: { id: input.order_id },
    })
    const order = data[0]
    if (!order?.email) return new StepResponse<OrderNotification[]>([])
    const currency = order.currency_code.toUpperCase()
    const money = (amount: unknown) => fromMedusaAmount(amount as MedusaAmount, currency)
    const shop = backendEnv().STOREFRONT_URL
    return new StepResponse<OrderNotification[]>([
      {
        to: order.email,
        channel: "email",
        template: "order-confirmation",
        idempotency_key: `order-confirmation:${order.id}`,
        data: {
          displayId: Number(order.display_id),
          currency,
          items: (order.items ?? []).map((item) => ({ title: item?.product_title ?? item?.title ?? "", total: money(item?.total) })),
          total: money(order.total),
          tax: money(order.tax_total),
          downloads: entitlements.map((e) => ({ title: e.product_title, url: `${shop}/downloads/${e.token}` })),
          downloadsUrl: `${shop}/account/downloads`,
          orderUrl: `${shop}/account/orders/${order.id}`,
        },
      },
    ])
  },
)
