import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import PublishableKeyCache, { KEY_CACHE_TTL_SECONDS } from "../src/modules/publishable-key-cache/service"

// Entries shaped as Medusa's Query hands them to a provider (tags from the Caching Module).
const keyLookup = {
  key: "q-key",
  tags: ["ApiKey:apk_1", "ApiKey:list:*", "LinkPublishableApiKeySalesChannel:list:*"],
  data: { data: [{ id: "apk_1", token: "pk_1", revoked_at: null, sales_channels_link: [{ sales_channel_id: "sc_1" }] }] },
}
const variantPrices = {
  key: "q-prices",
  tags: ["ProductVariant:variant_1", "PriceSet:pset_1", "Price:price_1"],
  data: { data: [{ id: "variant_1", calculated_price: { calculated_amount: 29 } }] },
}

describe("the publishable-key cache (ADR 0029)", () => {
  let cache: PublishableKeyCache
  beforeEach(() => {
    vi.useFakeTimers()
    cache = new PublishableKeyCache()
  })
  afterEach(() => vi.useRealTimers())

  it("keeps the publishable-key lookup and answers it by key and by tag", async () => {
    await cache.set(keyLookup)
    expect(await cache.get({ key: "q-key" })).toEqual(keyLookup.data)
    expect(await cache.get({ tags: ["ApiKey:apk_1"] })).toEqual([keyLookup.data])
  })

  it("refuses everything else, so prices, carts and stock always come from the database", async () => {
    await cache.set(variantPrices)
    await cache.set({ ...keyLookup, key: "mixed", tags: [...keyLookup.tags, "Product:list:*"] })
    await cache.set({ ...keyLookup, key: "untagged", tags: [] })
    for (const key of ["q-prices", "mixed", "untagged"]) expect(await cache.get({ key })).toBeNull()
  })

  it("does not keep a lookup that found no key, so a key created a moment later works at once", async () => {
    await cache.set({ ...keyLookup, data: { data: [] } })
    expect(await cache.get({ key: "q-key" })).toBeNull()
  })

  it("drops an entry when Medusa clears one of its tags (a key revoked or relinked on this machine)", async () => {
    await cache.set(keyLookup)
    await cache.clear({ tags: ["ApiKey:apk_1"], options: { autoInvalidate: true } })
    expect(await cache.get({ key: "q-key" })).toBeNull()

    await cache.set(keyLookup)
    await cache.clear({ tags: ["LinkPublishableApiKeySalesChannel:list:*"] })
    expect(await cache.get({ key: "q-key" })).toBeNull()
    expect(await cache.get({ tags: ["ApiKey:list:*"] })).toEqual([])
  })

  it("forgets every entry after 30 seconds, however long the caller asked to keep it", async () => {
    await cache.set({ ...keyLookup, ttl: 3600 })
    vi.advanceTimersByTime((KEY_CACHE_TTL_SECONDS - 1) * 1000)
    expect(await cache.get({ key: "q-key" })).toEqual(keyLookup.data)
    vi.advanceTimersByTime(1000)
    expect(await cache.get({ key: "q-key" })).toBeNull()
  })

  it("holds a bounded number of entries when requests carry made-up keys, dropping the oldest", async () => {
    for (let i = 0; i < 1_001; i++) await cache.set({ ...keyLookup, key: `k${i}` })
    expect(await cache.get({ key: "k0" })).toBeNull()
    expect(await cache.get({ key: "k1" })).toEqual(keyLookup.data)
    expect(await cache.get({ key: "k1000" })).toEqual(keyLookup.data)
  })
})
