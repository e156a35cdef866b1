import { model } from "@medusajs/framework/utils"

/**
 * A refund or dispute that Stripe reported for an order's payment: one row per Stripe refund or
 * dispute id (a unique index), so a webhook delivered twice is recorded, and acted on, once.
 * Amounts are integer minor units (ADR 0004).
 */
export const PaymentIncident = model
  .define("payment_incident", {
    id: model.id({ prefix: "pinc" }).primaryKey(),
    stripe_id: model.text(),
    kind: model.enum(["refund", "dispute"]),
    status: model.text(),
    order_id: model.text().nullable(),
    payment_intent_id: model.text(),
    amount: model.number(),
    currency_code: model.text(),
    reason: model.text().nullable(),
  })
  .indexes([{ on: ["stripe_id"], unique: true }, { on: ["order_id"] }])
