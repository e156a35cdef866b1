import Link from "next/link"

/** What the cart and checkout show when there is nothing to buy yet. */
export function EmptyCart() {
  return (
    <div className="empty" role="status">
      <p>Your cart is empty.</p>
      <Link href="/" className="button">
        Browse the shop
      </Link>
    </div>
  )
}
