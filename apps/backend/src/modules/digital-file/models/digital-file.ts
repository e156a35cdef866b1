import { model } from "@medusajs/framework/utils"
import { DigitalFileVersion } from "./digital-file-version"
import { Entitlement } from "./entitlement"

/**
 * The file a digital variant delivers: its current version's object in the private bucket,
 * described well enough to show before purchase (name, size, type) and to verify after
 * download (SHA-256). Every uploaded version is kept in `versions`; making one current copies
 * its fields here, so downloads and the catalogue read one row.
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
    current_version: model.number().default(1),
    entitlements: model.hasMany(() => Entitlement, { mappedBy: "digital_file" }),
    versions: model.hasMany(() => DigitalFileVersion, { mappedBy: "digital_file" }),
  })
  .indexes([{ on: ["storage_key"], unique: true }])
