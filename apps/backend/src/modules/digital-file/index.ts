import { Module } from "@medusajs/framework/utils"
import DigitalFileModuleService from "./service"

export const DIGITAL_FILE_MODULE = "digitalFile"

export default Module(DIGITAL_FILE_MODULE, {
  service: DigitalFileModuleService,
})
