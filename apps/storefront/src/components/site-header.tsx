import { IntentLink } from "@/components/intent-link"
import { CartLink } from "@/features/cart/components/cart-link"

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <IntentLink href="/" className="brand" aria-label="Vespertene, home">
          <span className="brand__mark" aria-hidden="true" />
          Vespertene
        </IntentLink>
        <nav aria-label="Main">
          <ul className="nav">
            <li>
              <IntentLink href="/">Shop</IntentLink>
            </li>
            <li>
              <IntentLink href="/account">Account</IntentLink>
            </li>
            <li>
              <CartLink />
            </li>
          </ul>
        </nav>
      </div>
    </header>
  )
}
