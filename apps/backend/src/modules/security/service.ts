import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { RateLimitBucket } from "./models/rate-limit-bucket"

export type RateLimitVerdict = { allowed: boolean; hits: number; retryAfterSeconds: number }

export default class SecurityModuleService extends MedusaService({ RateLimitBucket }) {
  /**
   * Counts one hit for `key` and says whether it is within `limit` per `windowSeconds`.
   * One atomic upsert: concurrent requests, in any number of processes, each get their own
   * count (no read-modify-write).
   */
  @InjectManager()
  async consume(
    key: string,
    limit: number,
    windowSeconds: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<RateLimitVerdict> {
    const manager = sharedContext.manager!
    const [row] = await manager.execute<Array<{ hits: number; seconds_left: string }>>(
      `insert into rate_limit_bucket (id, key, window_started_at, hits, created_at, updated_at)
       values (?, ?, now(), 1, now(), now())
       on conflict (key) where deleted_at is null do update set
         hits = case when rate_limit_bucket.window_started_at <= now() - make_interval(secs => ?)
                     then 1 else rate_limit_bucket.hits + 1 end,
         window_started_at = case when rate_limit_bucket.window_started_at <= now() - make_interval(secs => ?)
                     then now() else rate_limit_bucket.window_started_at end,
         updated_at = now()
       returning hits, extract(epoch from (window_started_at + make_interval(secs => ?) - now())) as seconds_left`,
      [generateEntityId(undefined, "rlb"), key, windowSeconds, windowSeconds, windowSeconds],
    )
    const hits = Number(row!.hits)
    return { allowed: hits <= limit, hits, retryAfterSeconds: Math.max(1, Math.ceil(Number(row!.seconds_left))) }
  }

  /** Deletes buckets whose window ended more than `olderThanSeconds` ago. */
  @InjectManager()
  async pruneBuckets(olderThanSeconds: number, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    const result = await sharedContext.manager!.execute(
      `delete from rate_limit_bucket where window_started_at < now() - make_interval(secs => ?)`,
      [olderThanSeconds],
      "run",
    )
    return Number((result as { affectedRows?: number }).affectedRows ?? 0)
  }
}
