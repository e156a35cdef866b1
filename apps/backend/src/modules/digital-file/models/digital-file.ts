import { model } from "@medusajs/framework/utils"
import { Entitlement } from "./entitlement"

/**
 * The file a digital variant delivers: an object in the private bucket, described well
 * enough to show before purchase (name, size, type) and to verify after download (SHA-256).
 * Versions (several files over time, one current) extend this model later.
 */
export const DigitalFile = model
  .define("digital_file", {
    id: model.id({ prefix: "dfile" }).primaryKey(),
    storage_key: model.text(),
    file_name: model.text(),
    content_type: model.text().default("application/zip"),
    // Bytes; a Postgres integer would overflow past 2 GiB.
    size: model.bigNumber(),
    sha256: model.text(),
    entitlements: model.hasMany(() => Entitlement, { mappedBy: "digital_file" }),
  })
  .indexes([{ on: ["storage_key"], unique: true }])
