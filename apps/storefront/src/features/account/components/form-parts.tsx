"use client"

import { useEffect, useRef } from "react"
import { useFormStatus } from "react-dom"
import { PASSWORD_MIN_LENGTH, type FormState } from "../schemas"

export function Field({
  name,
  label,
  type = "text",
  autoComplete,
  state,
  hint,
  required = true,
}: {
  name: string
  label: string
  type?: string
  autoComplete?: string
  state: FormState
  hint?: string
  required?: boolean
}) {
  const error = state.fieldErrors?.[name]
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined
  const input = useRef<HTMLInputElement>(null)
  // After a submission comes back with field errors, the first field in error takes the focus:
  // a screen reader then reads its label and its error, and a keyboard user is where to fix it.
  useEffect(() => {
    const own = input.current
    if (error && own && own.form?.querySelector('[aria-invalid="true"]') === own) own.focus()
  }, [state, error])
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        ref={input}
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required={required}
        defaultValue={type === "password" ? undefined : state.values?.[name]}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint ? (
        <p id={`${name}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  )
}

export function FormMessage({ state }: { state: FormState }) {
  if (state.error) {
    return (
      <p className="form-message form-message--error" role="alert">
        {state.error}
      </p>
    )
  }
  if (state.success) {
    return (
      <p className="form-message form-message--success" role="status">
        {state.success}
      </p>
    )
  }
  return null
}

export function SubmitButton({ children, pendingText }: { children: string; pendingText: string }) {
  const { pending } = useFormStatus()
  return (
    <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
      {pending ? pendingText : children}
    </button>
  )
}

/** A new password and its repetition, with the rule stated up front. */
export function NewPasswordFields({
  state,
  name = "password",
  label = "Password",
  repeatLabel = "Repeat the password",
  extraHint = "",
}: {
  state: FormState
  name?: string
  label?: string
  repeatLabel?: string
  extraHint?: string
}) {
  return (
    <>
      <Field
        name={name}
        label={label}
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.${extraHint ? ` ${extraHint}` : ""}`}
        state={state}
      />
      <Field name="confirm" label={repeatLabel} type="password" autoComplete="new-password" state={state} />
    </>
  )
}
