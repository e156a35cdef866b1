"use client"

import { useRouter } from "next/navigation"
import { useEffect, useState } from "react"

/**
 * A just-paid order's downloads are granted a moment after the order exists (usually well under
 * a second): refresh the page until they are there, quickly at first and then once a second, a
 * bounded number of times, then leave a note instead of spinning.
 */
export function RefreshUntilReady({ ready, attempts = 24, intervalMs = 1000 }: { ready: boolean; attempts?: number; intervalMs?: number }) {
  const router = useRouter()
  const [tries, setTries] = useState(0)
  useEffect(() => {
    if (ready || tries >= attempts) return
    const timer = setTimeout(() => {
      setTries((t) => t + 1)
      router.refresh()
    }, tries < 5 ? 200 : intervalMs)
    return () => clearTimeout(timer)
  }, [ready, tries, attempts, intervalMs, router])
  if (ready) return null
  return (
    <p className="muted" role="status">
      {tries < attempts ? "Preparing your downloads…" : "This is taking longer than usual. Your files will appear in your downloads library shortly."}
    </p>
  )
}
