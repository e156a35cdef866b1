"use client"

import { IntentLink } from "@/components/intent-link"
import { useEffect, useState } from "react"

const COUNT_COOKIE = "vespertene_cart_count"
const EVENT = "vespertene:cart-count"

function readCount(): number {
  const match = document.cookie.match(new RegExp(`(?:^|; )${COUNT_COOKIE}=(\\d+)`))
  return match ? Number(match[1]) : 0
}

/** Tells the header's cart link the new number of lines (after adding or removing). */
export function announceCartCount(count: number) {
  window.dispatchEvent(new CustomEvent(EVENT, { detail: count }))
}

/**
 * The header's cart link. Its count comes from a readable cookie the server sets with the cart,
 * so cached catalogue pages show it without asking the server anything.
 */
export function CartLink() {
  const [count, setCount] = useState<number | null>(null)
  useEffect(() => {
    setCount(readCount())
    const onChange = (event: Event) => setCount((event as CustomEvent<number>).detail)
    const reread = () => setCount(readCount())
    window.addEventListener(EVENT, onChange)
    window.addEventListener("focus", reread)
    // Where the browser reports cookie changes (Chromium, Safari), server-side changes show at once.
    const store = (window as { cookieStore?: EventTarget }).cookieStore
    store?.addEventListener("change", reread)
    return () => {
      window.removeEventListener(EVENT, onChange)
      window.removeEventListener("focus", reread)
      store?.removeEventListener("change", reread)
    }
  }, [])
  const label = count ? `Cart, ${count} item${count === 1 ? "" : "s"}` : "Cart"
  return (
    <IntentLink href="/cart" aria-label={label} data-testid="cart-link">
      Cart{count ? <span className="badge badge--count">{count}</span> : null}
    </IntentLink>
  )
}
