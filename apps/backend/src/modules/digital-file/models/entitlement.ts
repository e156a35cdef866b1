import { model } from "@medusajs/framework/utils"
import { DigitalFile } from "./digital-file"
import { DownloadEvent } from "./download-event"

/**
 * A buyer's right to one order line's file. Exactly one per order line (a unique index, not
 * check-then-insert); its token is a random UUID (ADR 0005) shown to the customer only inside
 * the stable storefront URL /downloads/<token>.
 */
export const Entitlement = model
  .define("entitlement", {
    id: model.id({ prefix: "ent" }).primaryKey(),
    token: model.text(),
    customer_id: model.text(),
    order_id: model.text(),
    line_item_id: model.text(),
    product_title: model.text(),
    status: model.enum(["active", "revoked"]).default("active"),
    download_count: model.number().default(0),
    revoked_at: model.dateTime().nullable(),
    revoked_reason: model.text().nullable(),
    digital_file: model.belongsTo(() => DigitalFile, { mappedBy: "entitlements" }),
    downloads: model.hasMany(() => DownloadEvent, { mappedBy: "entitlement" }),
  })
  .indexes([
    { on: ["token"], unique: true },
    { on: ["line_item_id"], unique: true },
    { on: ["customer_id"] },
    { on: ["order_id"] },
  ])
