import { model } from "@medusajs/framework/utils"
import { Entitlement } from "./entitlement"

/** One answered download request: when, from where (hashed IP) and with what. */
export const DownloadEvent = model.define("download_event", {
  id: model.id({ prefix: "dl" }).primaryKey(),
  ip_hash: model.text().nullable(),
  user_agent: model.text().nullable(),
  entitlement: model.belongsTo(() => Entitlement, { mappedBy: "downloads" }),
})
