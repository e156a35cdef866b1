import type { ICachingProviderService } from "@medusajs/framework/types"

/**
 * The entities whose reads this cache keeps: Medusa's publishable-key lookup (the key and its
 * sales-channel links), which runs on every `/store` request (ADR 0029).
 */
const CACHED_ENTITIES = new Set(["ApiKey", "LinkPublishableApiKeySalesChannel"])

/** How long a machine may answer with a key it has cached: the bound on a revocation made on another machine. */
export const KEY_CACHE_TTL_SECONDS = 30
/** Publishable keys are few; the bound only matters when requests carry made-up keys. */
const MAX_ENTRIES = 1_000

type Entry = { data: object; tags: string[]; expiresAt: number }

/**
 * A Caching Module provider that keeps only the publishable-key lookup, in this process's memory,
 * for at most 30 seconds. Everything else Medusa offers to cache (prices, promotions, carts,
 * customers, stock, products) is refused, so those reads always go to the database.
 * Entries are dropped when Medusa's event-driven invalidation clears one of their tags.
 */
export default class PublishableKeyCache implements ICachingProviderService {
  static identifier = "publishable-key-cache"

  private readonly entries = new Map<string, Entry>()
  private readonly keysByTag = new Map<string, Set<string>>()

  /** Whether an entry is one this cache keeps: tagged, every tag one of the key lookup's entities, and not empty. */
  static keeps(tags: string[] | undefined, data: unknown): boolean {
    if (!tags?.length || isEmpty(data)) return false
    return tags.every((tag) => CACHED_ENTITIES.has(tag.slice(0, tag.indexOf(":"))))
  }

  async get({ key, tags }: { key?: string; tags?: string[] }): Promise<any> {
    if (key) return this.live(key)?.data ?? null
    if (!tags?.length) return null
    const keys = new Set(tags.flatMap((tag) => [...(this.keysByTag.get(tag) ?? [])]))
    return [...keys].flatMap((k) => this.live(k)?.data ?? [])
  }

  async set({ key, data, ttl, tags }: { key: string; data: object; ttl?: number; tags?: string[] }): Promise<void> {
    if (!PublishableKeyCache.keeps(tags, data)) return
    this.delete(key)
    if (this.entries.size >= MAX_ENTRIES) this.delete(this.entries.keys().next().value!)
    const ttlSeconds = Math.min(ttl ?? KEY_CACHE_TTL_SECONDS, KEY_CACHE_TTL_SECONDS)
    this.entries.set(key, { data, tags: tags!, expiresAt: Date.now() + ttlSeconds * 1000 })
    for (const tag of tags!) {
      const keys = this.keysByTag.get(tag) ?? new Set<string>()
      keys.add(key)
      this.keysByTag.set(tag, keys)
    }
  }

  async clear({ key, tags }: { key?: string; tags?: string[]; options?: { autoInvalidate?: boolean } }): Promise<void> {
    if (key) return this.delete(key)
    if (tags?.includes("*")) {
      this.entries.clear()
      this.keysByTag.clear()
      return
    }
    for (const tag of tags ?? []) for (const k of [...(this.keysByTag.get(tag) ?? [])]) this.delete(k)
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key)
    if (entry && entry.expiresAt <= Date.now()) {
      this.delete(key)
      return undefined
    }
    return entry
  }

  private delete(key: string) {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag)
      keys?.delete(key)
      if (keys?.size === 0) this.keysByTag.delete(tag)
    }
  }
}

function isEmpty(data: unknown): boolean {
  if (data == null) return true
  if (Array.isArray(data)) return data.length === 0
  const rows = (data as { data?: unknown }).data
  return Array.isArray(rows) && rows.length === 0
}
