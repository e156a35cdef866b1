import { headers } from "next/headers"
import type { ReactNode } from "react"

/**
 * Account pages are rendered per request: reading the request here keeps every one of them
 * dynamic, which their nonce-based Content Security Policy needs (a prerendered page could not
 * carry the request's nonce on its scripts).
 */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  await headers()
  return children
}
