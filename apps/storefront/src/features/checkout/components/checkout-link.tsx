import type { ReactNode } from "react"

/**
 * A link into the checkout that always loads a new document. A client-side navigation would keep
 * the policy of the page it started on, and cached catalogue pages allow no third party (ADR 0021):
 * the checkout's own document brings the nonce-based policy that admits Stripe.js.
 */
export function CheckoutLink({ className, children }: { className?: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load on purpose (see above)
    <a href="/checkout" className={className}>
      {children}
    </a>
  )
}
