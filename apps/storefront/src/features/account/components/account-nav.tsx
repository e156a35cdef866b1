import Link from "next/link"

const SECTIONS = [
  { key: "details", href: "/account", label: "Your details" },
  { key: "orders", href: "/account/orders", label: "Orders" },
  { key: "downloads", href: "/account/downloads", label: "Downloads" },
] as const

/**
 * The account's sections. `current` is the section being shown: the page itself, or with `within`
 * a page inside it (an order of the order history), which marks the link current but not as the page.
 */
export function AccountNav({ current, within = false }: { current: (typeof SECTIONS)[number]["key"]; within?: boolean }) {
  return (
    <nav className="account__nav" aria-label="Account">
      {SECTIONS.map((section) => (
        <Link key={section.key} href={section.href} aria-current={section.key === current ? (within ? "true" : "page") : undefined}>
          {section.label}
        </Link>
      ))}
    </nav>
  )
}
