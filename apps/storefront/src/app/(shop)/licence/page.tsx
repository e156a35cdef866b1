import type { Metadata } from "next"
import Link from "next/link"
import { requireVisitorInPrivateMode } from "@/lib/private-catalogue"

export const metadata: Metadata = {
  title: "Licence and refunds",
  description: "What you may do with Vespertene's files, how downloads work, and when we refund.",
}

// Plain content: built once and served as a static file in an open shop (ADR 0027).
export default async function LicencePage() {
  await requireVisitorInPrivateMode("/licence")
  return (
    <article className="prose">
      <h1>Licence and refunds</h1>

      <h2>Your licence</h2>
      <p>
        Every purchase gives you a personal, perpetual licence to use the files in your own projects, personal or
        commercial. You may not resell, share or redistribute the files themselves, alone or in a bundle.
      </p>

      <h2>Downloads</h2>
      <p>
        Your files are in <Link href="/account/downloads">your downloads library</Link> as soon as your payment is
        confirmed, and the confirmation email links to them. Links work only when you are signed in to the account
        that bought them. Each purchase can be downloaded a limited number of times, plenty for your own devices; if you
        need more, contact us and we will reset it.
      </p>

      <h2>Refunds</h2>
      <p>
        If a file is faulty or not as described, we refund it. Under Australian Consumer Law you also keep every
        right that cannot be excluded. A refunded purchase is removed from your downloads library.
      </p>

      <h2>Prices and GST</h2>
      <p>
        Prices are in Australian dollars. Buyers in Australia pay 10&nbsp;% GST, included in the price; buyers
        elsewhere pay no GST.
      </p>
    </article>
  )
}
