import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatMoney } from "@vespertene/money"
import { BILLING_MODULE } from "../../../../../modules/billing"
import type BillingModuleService from "../../../../../modules/billing/service"

/** Refunds and disputes Stripe reported for an order, newest first, for the order page in the admin. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const billing: BillingModuleService = req.scope.resolve(BILLING_MODULE)
  const incidents = await billing.listPaymentIncidents({ order_id: req.params.id }, { order: { created_at: "DESC" } })
  res.json({
    payment_incidents: incidents.map((i) => ({
      id: i.id,
      kind: i.kind,
      stripe_id: i.stripe_id,
      status: i.status,
      reason: i.reason,
      amount: i.amount,
      currency_code: i.currency_code,
      amount_display: formatMoney(i.amount, i.currency_code),
      created_at: i.created_at,
      updated_at: i.updated_at,
    })),
  })
}
