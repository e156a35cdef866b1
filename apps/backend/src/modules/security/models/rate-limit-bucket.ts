import { model } from "@medusajs/framework/utils"

/** A fixed-window counter: how many hits `key` had since `window_started_at`. */
export const RateLimitBucket = model
  .define("rate_limit_bucket", {
    id: model.id({ prefix: "rlb" }).primaryKey(),
    key: model.text(),
    window_started_at: model.dateTime(),
    hits: model.number(),
  })
  .indexes([{ on: ["key"], unique: true }, { on: ["window_started_at"] }])
