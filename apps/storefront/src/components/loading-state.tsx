/** What a page shows while its data loads. */
export function LoadingState() {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="loading__spinner" aria-hidden="true" />
      Loading…
    </div>
  )
}
