import type { Metadata } from "next"
import Link from "next/link"
import { CheckoutForm, type PaymentMode } from "@/features/checkout/components/checkout-form"
import { CartTotals } from "@/features/cart/components/cart-summary"
import { allowsTestPayments, env } from "@/env"
import { formatMoney } from "@/lib/currency"
import { EmptyCart } from "@/features/cart/components/empty-cart"
import { ForgetStaleCart } from "@/features/cart/components/forget-stale-cart"
import { getCart, holdsCartCookies, listCountries, moveCartToCustomer, paymentProviders } from "@/lib/medusa/cart"
import { getCustomer } from "@/lib/medusa/customer"
import { currentSession } from "@/lib/session"

export const metadata: Metadata = { title: "Checkout", robots: { index: false } }

type Props = { searchParams: Promise<{ payment?: string }> }

const RETURN_MESSAGES: Record<string, string> = {
  failed: "The payment was not completed, and nothing was charged. Please try again or use another card.",
  pending: "Your payment is being confirmed. Your order will appear in your orders in a moment; there is no need to pay again.",
}

/** What the return from the payment step says: a failure is an alert; a payment still confirming is news, not an error. */
function ReturnNotice({ kind }: { kind: string | undefined }) {
  const message = RETURN_MESSAGES[kind ?? ""]
  if (!message) return null
  if (kind === "failed") {
    return (
      <p className="form-message form-message--error" role="alert">
        {message}
      </p>
    )
  }
  return (
    <p className="form-message" role="status">
      {message} <Link href="/account/orders">See your orders</Link>
    </p>
  )
}

export default async function CheckoutPage({ searchParams }: Props) {
  const session = await currentSession()
  const returned = (await searchParams).payment
  let cart = await getCart(session?.token, "/checkout")
  // A visitor's cart moves to the account they sign in with; another account's cart is not shown.
  if (cart && session && cart.customerId !== session.customerId) {
    cart = (await moveCartToCustomer(session.token, session.customerId)) ? await getCart(session.token, "/checkout") : null
  }
  if (cart && !session && cart.customerId) cart = null
  if (!cart || cart.lines.length === 0) {
    return (
      <section className="checkout">
        {!cart && (await holdsCartCookies()) ? <ForgetStaleCart /> : null}
        <h1>Checkout</h1>
        <ReturnNotice kind={returned} />
        <EmptyCart />
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
      <ReturnNotice kind={returned} />
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
