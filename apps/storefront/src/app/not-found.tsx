import Link from "next/link"

export default function NotFound() {
  return (
    <section className="not-found">
      <p className="not-found__code">404</p>
      <h1>We couldn&rsquo;t find that page</h1>
      <p>The product may have been retired, or the link is mistyped.</p>
      <Link href="/" className="button">
        Browse the shop
      </Link>
    </section>
  )
}
