import { model } from "@medusajs/framework/utils"
import { DigitalFile } from "./digital-file"

/**
 * One uploaded version of a variant's file. Versions are never deleted when a new one arrives;
 * the digital file points at the current one by carrying its fields (what downloads serve).
 */
export const DigitalFileVersion = model
  .define("digital_file_version", {
    id: model.id({ prefix: "dfver" }).primaryKey(),
    number: model.number(),
    storage_key: model.text(),
    file_name: model.text(),
    content_type: model.text().default("application/zip"),
    size: model.bigNumber(),
    sha256: model.text(),
    digital_file: model.belongsTo(() => DigitalFile, { mappedBy: "versions" }),
  })
  .indexes([{ on: ["storage_key"], unique: true }, { on: ["digital_file_id", "number"], unique: true }])
