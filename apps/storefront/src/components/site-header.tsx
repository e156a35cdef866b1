import Link from "next/link"
import { CartLink } from "@/features/cart/components/cart-link"

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand" aria-label="Vespertene, home">
          <span className="brand__mark" aria-hidden="true" />
          Vespertene
        </Link>
        <nav aria-label="Main">
          <ul className="nav">
            <li>
              <Link href="/">Shop</Link>
            </li>
            <li>
              <Link href="/account">Account</Link>
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
