import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import VesperteneStripeProvider from "./service"

/** Registered with id "stripe": payment provider pp_stripe_stripe, webhooks at /hooks/payment/stripe_stripe. */
export default ModuleProvider(Modules.PAYMENT, {
  services: [VesperteneStripeProvider],
})
