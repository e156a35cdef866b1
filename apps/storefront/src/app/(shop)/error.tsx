"use client"

export default function ShopError({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="not-found" role="alert">
      <h1>The shop is having a moment</h1>
      <p>We couldn&rsquo;t load the catalogue just now. Please try again.</p>
      <button type="button" className="button" onClick={() => reset()}>
        Try again
      </button>
    </section>
  )
}
