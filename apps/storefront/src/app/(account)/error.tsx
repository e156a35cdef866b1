"use client"

export default function AccountError({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="not-found" role="alert">
      <h1>We couldn&rsquo;t load this page</h1>
      <p>Something went wrong reaching your account. Please try again.</p>
      <button type="button" className="button" onClick={() => reset()}>
        Try again
      </button>
    </section>
  )
}
