import { StripeProviderService } from "@medusajs/payment-stripe/dist/services"
import { createStripeClient } from "../../lib/stripe"

type Options = ConstructorParameters<typeof StripeProviderService>[1]

/**
 * Medusa's own Stripe provider (card payments, automatic capture), unchanged in production. The
 * only difference: its client comes from createStripeClient, which in tests with a test key talks
 * to the local Stripe stand-in instead of api.stripe.com (ADR 0020).
 */
export default class VesperteneStripeProvider extends StripeProviderService {
  constructor(cradle: Record<string, unknown>, options: Options) {
    super(cradle, options)
    this.stripe_ = createStripeClient(options.apiKey)
  }
}
