"use client"

import { PageError } from "@/components/page-error"

/** A shop page failed to load (the backend is unreachable or erred). */
export default function ShopError({ reset }: { error: Error; reset: () => void }) {
  return <PageError title="The shop is having a moment" text="We couldn’t load this page just now. Please try again." reset={reset} />
}
