"use client"

import { useActionState } from "react"
import type { RemoveState } from "../actions"

/** A Remove button that shows it is working and says so when removing failed. */
export function RemoveForm({
  action,
  field,
  value,
  what,
}: {
  action: (previous: RemoveState, formData: FormData) => Promise<RemoveState>
  field: string
  value: string
  /** What is removed, for screen readers: "Remove Vesper Serif". */
  what: string
}) {
  const [state, formAction, pending] = useActionState(action, {})
  return (
    <form action={formAction} className="remove-form">
      <input type="hidden" name={field} value={value} />
      <button type="submit" className="link-button" aria-disabled={pending || undefined} onClick={(e) => pending && e.preventDefault()}>
        {pending ? "Removing…" : "Remove"}
        <span className="visually-hidden"> {what}</span>
      </button>
      {state.error ? (
        <span className="field__error" role="alert">
          {state.error}
        </span>
      ) : null}
    </form>
  )
}
