"use client"

import { PageError } from "@/components/page-error"

export default function AccountError({ reset }: { error: Error; reset: () => void }) {
  return <PageError title="We couldn’t load this page" text="Something went wrong reaching your account. Please try again." reset={reset} />
}
