"use client"

import { useActionState } from "react"
import { resetPassword } from "../actions"
import type { FormState } from "../schemas"
import { FormMessage, NewPasswordFields, SubmitButton } from "./form-parts"

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
      <NewPasswordFields state={state} label="New password" repeatLabel="Repeat the new password" />
      <SubmitButton pendingText="Saving…">Set new password</SubmitButton>
    </form>
  )
}
