"use client"

import Link from "next/link"
import { useActionState } from "react"
import { register } from "../actions"
import type { FormState } from "../schemas"
import { Field, FormMessage, NewPasswordFields, SubmitButton } from "./form-parts"

export function RegisterForm({ next }: { next: string }) {
  const [state, action] = useActionState<FormState, FormData>(register, {})
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage state={state} />
      <div className="form__row">
        <Field name="first_name" label="First name" autoComplete="given-name" state={state} />
        <Field name="last_name" label="Last name" autoComplete="family-name" state={state} />
      </div>
      <Field name="email" label="Email" type="email" autoComplete="email" state={state} />
      <NewPasswordFields state={state} />
      <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
      <p className="form__links">
        <Link href={`/sign-in${next !== "/account" ? `?next=${encodeURIComponent(next)}` : ""}`}>I already have an account</Link>
      </p>
    </form>
  )
}
