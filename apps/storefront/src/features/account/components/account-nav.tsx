import Link from "next/link"

const SECTIONS = [
  { key: "details", href: "/account", label: "Your details" },
  { key: "orders", href: "/account/orders", label: "Orders" },
  { key: "downloads", href: "/account/downloads", label: "Downloads" },
] as const

/** The account's sections; `current` is the one being shown (a section's sub-page still counts). */
export function AccountNav({ current }: { current: (typeof SECTIONS)[number]["key"] }) {
  return (
    <nav className="account__nav" aria-label="Account">
      {SECTIONS.map((section) => (
        <Link key={section.key} href={section.href} aria-current={section.key === current ? "page" : undefined}>
          {section.label}
        </Link>
      ))}
    </nav>
  )
}
