import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import DigitalFileModule from "../modules/digital-file"

/** A digital variant delivers one file; a file belongs to one variant. */
export default defineLink(ProductModule.linkable.productVariant, DigitalFileModule.linkable.digitalFile)
