import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { randomUUID } from "node:crypto"
import { DigitalFile } from "./models/digital-file"
import { DigitalFileVersion } from "./models/digital-file-version"
import { DownloadEvent } from "./models/download-event"
import { Entitlement } from "./models/entitlement"
import { PrivateBucket, type PrivateBucketOptions } from "./storage"

export type EntitlementGrant = {
  customer_id: string
  order_id: string
  line_item_id: string
  digital_file_id: string
  product_title: string
}

export type DownloadClaim =
  | { outcome: "not_found" }
  | { outcome: "revoked" }
  | { outcome: "limit_reached"; cap: number }
  | {
      outcome: "granted"
      entitlement_id: string
      order_id: string
      download_count: number
      file: { storage_key: string; file_name: string; content_type: string }
    }

export default class DigitalFileModuleService extends MedusaService({ DigitalFile, DigitalFileVersion, Entitlement, DownloadEvent }) {
  readonly privateBucket: PrivateBucket

  constructor(container: Record<string, unknown>, options: PrivateBucketOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.privateBucket = new PrivateBucket(options)
  }

  /**
   * Grants each order line its entitlement, exactly once: the unique index on line_item_id
   * decides, so a repeated event or two racing workers cannot create a second one.
   * Returns the ids this call created (empty when they all existed).
   */
  @InjectManager()
  async grantEntitlements(grants: EntitlementGrant[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<string[]> {
    if (grants.length === 0) return []
    // One statement for the whole order: each line gets a row unless it already has one.
    const rows = await sharedContext.manager!.execute<Array<{ id: string }>>(
      `insert into entitlement (id, token, customer_id, order_id, line_item_id, product_title, digital_file_id, status, download_count, created_at, updated_at)
       values ${grants.map(() => "(?, ?, ?, ?, ?, ?, ?, 'active', 0, now(), now())").join(", ")}
       on conflict (line_item_id) where deleted_at is null do nothing
       returning id`,
      grants.flatMap((grant) => [
        generateEntityId(undefined, "ent"),
        randomUUID(),
        grant.customer_id,
        grant.order_id,
        grant.line_item_id,
        grant.product_title,
        grant.digital_file_id,
      ]),
    )
    return rows.map((row) => row.id)
  }

  /**
   * A download, in one round trip: the token is looked up, its owner and status checked, the
   * count raised only while under the cap (concurrent requests cannot overshoot it) and the
   * download logged, atomically. Anyone but the owner learns only "not found".
   */
  @InjectManager()
  async claimDownload(
    token: string,
    customerId: string,
    cap: number,
    log: { ip_hash: string; user_agent: string | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<DownloadClaim> {
    const manager = sharedContext.manager!
    const [found] = await manager.execute<
      Array<{
        id: string
        order_id: string
        customer_id: string
        status: string
        storage_key: string
        file_name: string
        content_type: string
        download_count: number | null
      }>
    >(
      `with found as (
         select e.id, e.order_id, e.customer_id, e.status, f.storage_key, f.file_name, f.content_type
           from entitlement e join digital_file f on f.id = e.digital_file_id
          where e.token = ? and e.deleted_at is null
       ), counted as (
         update entitlement set download_count = download_count + 1, updated_at = now()
          where id = (select id from found where customer_id = ? and status = 'active')
            and status = 'active' and download_count < ?
          returning id, download_count
       ), logged as (
         insert into download_event (id, entitlement_id, ip_hash, user_agent, created_at, updated_at)
         select ?, counted.id, ?, ?, now(), now() from counted
       )
       select found.*, counted.download_count from found left join counted on counted.id = found.id`,
      [token, customerId, cap, generateEntityId(undefined, "dl"), log.ip_hash, log.user_agent],
    )
    if (!found || found.customer_id !== customerId) return { outcome: "not_found" }
    if (found.status !== "active") return { outcome: "revoked" }
    if (found.download_count === null) return { outcome: "limit_reached", cap }
    return {
      outcome: "granted",
      entitlement_id: found.id,
      order_id: found.order_id,
      download_count: Number(found.download_count),
      file: { storage_key: found.storage_key, file_name: found.file_name, content_type: found.content_type },
    }
  }

  /** Gives an entitlement its full download allowance again (staff, after a customer reached the cap). The download log is kept. */
  async resetDownloadCount(id: string): Promise<void> {
    await this.updateEntitlements({ id, download_count: 0 })
  }

  /**
   * Revokes or reinstates the selected entitlements, changing only those not already in that
   * state. Returns what they were before (for a workflow's compensation).
   */
  async changeEntitlementStatus(
    selector: { ids?: string[]; line_item_ids?: string[] },
    status: "active" | "revoked",
    reason: string | null = null,
  ) {
    if (!selector.ids?.length && !selector.line_item_ids?.length) return []
    const matching = await this.listEntitlements({
      ...(selector.ids?.length ? { id: selector.ids } : {}),
      ...(selector.line_item_ids?.length ? { line_item_id: selector.line_item_ids } : {}),
    })
    const changing = matching.filter((e) => e.status !== status)
    if (changing.length === 0) return []
    const revoking = status === "revoked"
    await this.updateEntitlements(
      changing.map((e) => ({ id: e.id, status, revoked_at: revoking ? new Date() : null, revoked_reason: revoking ? reason : null })),
    )
    return changing.map((e) => ({ id: e.id, line_item_id: e.line_item_id, status: e.status, revoked_at: e.revoked_at, revoked_reason: e.revoked_reason }))
  }
}
