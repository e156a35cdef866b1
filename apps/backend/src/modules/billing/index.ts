import { Module } from "@medusajs/framework/utils"
import refuseTestPaymentsLoader from "./loaders/refuse-test-payments"
import BillingModuleService from "./service"

export const BILLING_MODULE = "billing"

export default Module(BILLING_MODULE, { service: BillingModuleService, loaders: [refuseTestPaymentsLoader] })
