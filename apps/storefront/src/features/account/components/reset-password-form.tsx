"use client"

import { useActionState } from "react"
import { resetPassword } from "../actions"
import { PASSWORD_MIN_LENGTH, type FormState } from "../schemas"
import { Field, FormMessage, SubmitButton } from "./form-parts"

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState<FormState, FormData>(resetPassword, {})
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      {state.fieldErrors?.token ? (
        <p className="form-message form-message--error" role="alert">
          {state.fieldErrors.token}
        </p>
      ) : null}
      <Field
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        state={state}
      />
      <Field name="confirm" label="Repeat the new password" type="password" autoComplete="new-password" state={state} />
      <SubmitButton pendingText="Saving…">Set new password</SubmitButton>
    </form>
  )
}
