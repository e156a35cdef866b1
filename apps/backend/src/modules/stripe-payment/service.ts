import { StripeProviderService } from "@medusajs/payment-stripe/dist/services"
import { createStripeClient } from "../../lib/stripe"

type Options = ConstructorParameters<typeof StripeProviderService>[1]

/**
 * Medusa's own Stripe provider, with two choices of ours (ADR 0020): cards only (Apple Pay and
 * Google Pay are cards to Stripe), because a method that settles days later would leave a paid
 * download waiting; and its client comes from createStripeClient, which in tests with a test key
 * talks to the local Stripe stand-in instead of api.stripe.com.
 */
export default class VesperteneStripeProvider extends StripeProviderService {
  constructor(cradle: Record<string, unknown>, options: Options) {
    super(cradle, options)
    this.stripe_ = createStripeClient(options.apiKey)
  }

  get paymentIntentOptions() {
    return { payment_method_types: ["card"] }
  }
}
