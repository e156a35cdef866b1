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
 * library about 3-6 Lighthouse points of main-thread time (medians of five runs). A touch starts about
 * 100 ms before the click, a hover longer, so the next page is still usually on its way.
 */
export function IntentLink({ href, onMouseEnter, onTouchStart, onFocus, ...props }: Props) {
  const router = useRouter()
  const prefetch = () => router.prefetch(href)
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        prefetch()
        onMouseEnter?.(event)
      }}
      onTouchStart={(event) => {
        prefetch()
        onTouchStart?.(event)
      }}
      onFocus={(event) => {
        prefetch()
        onFocus?.(event)
      }}
    />
  )
}
