"use client"

import Link from "next/link"
import { useRouter } from "next/navigation"
import type { ComponentProps } from "react"

type Props = Omit<ComponentProps<typeof Link>, "prefetch" | "href"> & { href: string }

/**
 * A link that prefetches its page when the visitor shows intent (a pointer over it, a touch
 * starting on it, keyboard focus) rather than when it scrolls into view. Next's viewport
 * prefetching fetched every visible link's page while ours was still loading, and React then
 * preloaded those pages' images: on a throttled phone that cost the home page and the downloads
 * library about 3-6 Lighthouse points of main-thread time (medians of five runs). A touch starts
 * a tenth of a second or so before the click, a hover longer: the next page is usually on its way.
 */
export function IntentLink({ href, onMouseEnter, onTouchStart, onFocus, ...props }: Props) {
  const router = useRouter()
  /** The caller's own handler, after the page's prefetch has started. */
  const prefetchThen =
    <E,>(handler?: (event: E) => void) =>
    (event: E) => {
      router.prefetch(href)
      handler?.(event)
    }
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={prefetchThen(onMouseEnter)}
      onTouchStart={prefetchThen(onTouchStart)}
      onFocus={prefetchThen(onFocus)}
    />
  )
}
