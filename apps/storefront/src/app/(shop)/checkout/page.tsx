import type { Metadata } from "next"
import Link from "next/link"
import { CheckoutForm, type PaymentMode } from "@/features/checkout/components/checkout-form"
import { CartTotals } from "@/features/cart/components/cart-summary"
import { allowsTestPayments, env } from "@/env"
import { formatMoney } from "@/lib/currency"
import { getCart, listCountries, moveCartToCustomer, paymentProviders } from "@/lib/medusa/cart"
import { getCustomer } from "@/lib/medusa/customer"
import { currentSession } from "@/lib/session"

export const metadata: Metadata = { title: "Checkout", robots: { index: false } }

export default async function CheckoutPage() {
  const session = await currentSession()
  let cart = await getCart(session?.token)
  if (!cart || cart.lines.length === 0) {
    return (
      <section className="checkout">
        <h1>Checkout</h1>
        <div className="empty" role="status">
          <p>Your cart is empty.</p>
          <Link href="/" className="button">
            Browse the shop
          </Link>
        </div>
      </section>
    )
  }

  const lines = (
    <ul className="checkout__lines" aria-label="Your order">
      {cart.lines.map((line) => (
        <li key={line.id}>
          <span>{line.title}</span>
          <span className="summary__amount">{formatMoney(line.total, cart!.currency)}</span>
        </li>
      ))}
    </ul>
  )

  if (!session) {
    return (
      <section className="checkout">
        <h1>Checkout</h1>
        <div className="checkout__grid">
          <div className="checkout__main">
            <h2>Sign in to pay</h2>
            <p>Your downloads are kept in your account, so you can download them again at any time. Your cart stays as it is.</p>
            <p className="checkout__actions">
              <Link href="/sign-in?next=/checkout" className="button">
                Sign in
              </Link>
              <Link href="/register?next=/checkout" className="button button--quiet">
                Create an account
              </Link>
            </p>
          </div>
          <aside className="checkout__aside" aria-label="Order summary">
            {lines}
            <CartTotals totals={cart} />
          </aside>
        </div>
      </section>
    )
  }

  if (cart.customerId !== session.customerId) {
    await moveCartToCustomer(session.token)
    cart = await getCart(session.token)
    if (!cart) return <p role="alert">Your cart could not be moved to your account. Please add the products again.</p>
  }
  const [customer, countries, providers] = await Promise.all([getCustomer(session.token), listCountries(), paymentProviders(cart.regionId)])
  const { STRIPE_PUBLISHABLE_KEY } = env()
  const mode: PaymentMode =
    providers.includes("pp_stripe_stripe") && STRIPE_PUBLISHABLE_KEY
      ? { kind: "stripe", publishableKey: STRIPE_PUBLISHABLE_KEY }
      : providers.includes("pp_system_default") && allowsTestPayments(env())
        ? { kind: "test" }
        : { kind: "unavailable" }
  const name = cart.billingName || (customer.ok ? [customer.value.first_name, customer.value.last_name].filter(Boolean).join(" ") : "")
  return (
    <section className="checkout">
      <h1>Checkout</h1>
      <CheckoutForm
        mode={mode}
        initial={{ email: cart.email || (customer.ok ? customer.value.email : ""), name, country: cart.countryCode ?? "au" }}
        countries={countries.map(({ code, name }) => ({ code, name }))}
        totals={{ currency: cart.currency, subtotal: cart.subtotal, discount: cart.discount, tax: cart.tax, total: cart.total, countryCode: cart.countryCode }}
        summary={lines}
      />
    </section>
  )
}
