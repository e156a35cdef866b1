import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { PaymentIncident } from "./models/payment-incident"

export type IncidentInput = {
  stripe_id: string
  kind: "refund" | "dispute"
  status: string
  order_id: string | null
  payment_intent_id: string
  amount: number
  currency_code: string
  reason: string | null
}

export default class BillingModuleService extends MedusaService({ PaymentIncident }) {
  /**
   * Records a Stripe refund or dispute once. Returns true only for the call that created the
   * row: one atomic insert, so concurrent deliveries of the same event cannot both act on it.
   */
  @InjectManager()
  async recordIncidentOnce(input: IncidentInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    const rows = await sharedContext.manager!.execute<Array<{ id: string }>>(
      `insert into payment_incident
         (id, stripe_id, kind, status, order_id, payment_intent_id, amount, currency_code, reason, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now())
       on conflict (stripe_id) where deleted_at is null do nothing
       returning id`,
      [
        generateEntityId(undefined, "pinc"),
        input.stripe_id,
        input.kind,
        input.status,
        input.order_id,
        input.payment_intent_id,
        input.amount,
        input.currency_code,
        input.reason,
      ],
    )
    return rows.length === 1
  }

  /**
   * Moves an open dispute to `status` (answered, under review, a warning); never one that has
   * ended, whatever order Stripe delivers its events in. True when it changed.
   */
  @InjectManager()
  async advanceOpenDispute(stripeId: string, status: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    const rows = await sharedContext.manager!.execute<Array<{ id: string }>>(
      `update payment_incident set status = ?, updated_at = now()
       where stripe_id = ? and kind = 'dispute' and status <> ? and status not in ('won', 'lost', 'warning_closed')
         and deleted_at is null returning id`,
      [status, stripeId, status],
    )
    return rows.length === 1
  }

  /** Moves an incident to a new status; true only for the call that changed it. */
  @InjectManager()
  async changeIncidentStatus(stripeId: string, status: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    const rows = await sharedContext.manager!.execute<Array<{ id: string }>>(
      `update payment_incident set status = ?, updated_at = now()
       where stripe_id = ? and status <> ? and deleted_at is null returning id`,
      [status, stripeId, status],
    )
    return rows.length === 1
  }
}
