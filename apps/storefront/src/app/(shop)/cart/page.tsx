import type { Metadata } from "next"
import Image from "next/image"
import Link from "next/link"
import { removeFromCartAction } from "@/features/cart/actions"
import { CheckoutLink } from "@/features/checkout/components/checkout-link"
import { CartTotals } from "@/features/cart/components/cart-summary"
import { PromoForm } from "@/features/cart/components/promo-form"
import { RemoveForm } from "@/features/cart/components/remove-form"
import { formatMoney } from "@/lib/currency"
import { EmptyCart } from "@/features/cart/components/empty-cart"
import { ForgetStaleCart } from "@/features/cart/components/forget-stale-cart"
import { getCart, holdsCartCookies } from "@/lib/medusa/cart"
import { currentSession } from "@/lib/session"

export const metadata: Metadata = { title: "Your cart" }

export default async function CartPage() {
  const session = await currentSession()
  const found = await getCart(session?.token, "/cart")
  // A cart another account left on this browser is not shown to this one.
  const cart = found && (!found.customerId || found.customerId === session?.customerId) ? found : null
  if (!cart || cart.lines.length === 0) {
    return (
      <section className="cart">
        {!cart && (await holdsCartCookies()) ? <ForgetStaleCart /> : null}
        <h1>Your cart</h1>
        <EmptyCart />
      </section>
    )
  }
  return (
    <section className="cart">
      <h1>Your cart</h1>
      <ul className="cart__lines" aria-label="Products in your cart">
        {cart.lines.map((line) => (
          <li key={line.id} className="cart__line" data-testid="cart-line">
            <div className="cart__thumb">{line.image ? <Image src={line.image} alt="" width={64} height={64} /> : null}</div>
            <div className="cart__title">
              {line.handle ? <Link href={`/products/${line.handle}`}>{line.title}</Link> : line.title}
              <p className="muted">Digital download · one copy</p>
            </div>
            <span className="cart__price">{formatMoney(line.total, cart.currency)}</span>
            <RemoveForm action={removeFromCartAction} field="line_id" value={line.id} what={line.title} />
          </li>
        ))}
      </ul>
      <div className="cart__aside">
        <CartTotals totals={cart} />
        <PromoForm codes={cart.promoCodes} />
        <CheckoutLink className="button">Checkout</CheckoutLink>
        {cart.countryCode !== "au" ? null : <p className="muted">Prices include Australian GST. Buying from abroad? Choose your country at checkout.</p>}
      </div>
    </section>
  )
}
