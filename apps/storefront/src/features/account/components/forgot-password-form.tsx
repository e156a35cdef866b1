"use client"

import { useActionState } from "react"
import { requestPasswordReset } from "../actions"
import type { FormState } from "../schemas"
import { Field, FormMessage, SubmitButton } from "./form-parts"

export function ForgotPasswordForm() {
  const [state, action] = useActionState<FormState, FormData>(requestPasswordReset, {})
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      <Field name="email" label="Email" type="email" autoComplete="email" state={state} />
      <SubmitButton pendingText="Sending…">Email me a reset link</SubmitButton>
    </form>
  )
}
