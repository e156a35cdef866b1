"use client"

import { useRouter } from "next/navigation"
import { useTransition } from "react"

/** What a page that failed to load shows: what happened, and a retry that fetches the page again. */
export function PageError({ title, text, reset }: { title: string; text: string; reset: () => void }) {
  const router = useRouter()
  const [retrying, startRetry] = useTransition()
  return (
    <section className="not-found" role="alert">
      <h1>{title}</h1>
      <p>{text}</p>
      <button
        type="button"
        className="button"
        disabled={retrying}
        // reset() alone re-renders the same failed result: fetch the page from the server again first.
        onClick={() =>
          startRetry(() => {
            router.refresh()
            reset()
          })
        }
      >
        {retrying ? "Trying again…" : "Try again"}
      </button>
    </section>
  )
}
