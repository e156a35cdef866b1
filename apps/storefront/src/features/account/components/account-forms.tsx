"use client"

import { useActionState } from "react"
import { changePassword, updateProfile } from "../actions"
import type { FormState } from "../schemas"
import { Field, FormMessage, NewPasswordFields, SubmitButton } from "./form-parts"

export function ProfileForm({ firstName, lastName }: { firstName: string; lastName: string }) {
  const [state, action] = useActionState<FormState, FormData>(updateProfile, {
    values: { first_name: firstName, last_name: lastName },
  })
  return (
    <form action={action} className="form" aria-labelledby="profile-heading" noValidate>
      <h2 id="profile-heading">Your details</h2>
      <FormMessage state={state} />
      <div className="form__row">
        <Field name="first_name" label="First name" autoComplete="given-name" state={state} />
        <Field name="last_name" label="Last name" autoComplete="family-name" state={state} />
      </div>
      <SubmitButton pendingText="Saving…">Save details</SubmitButton>
    </form>
  )
}

export function ChangePasswordForm() {
  const [state, action] = useActionState<FormState, FormData>(changePassword, {})
  return (
    <form action={action} className="form" aria-labelledby="password-heading" noValidate>
      <h2 id="password-heading">Change password</h2>
      <FormMessage state={state} />
      <Field name="current_password" label="Current password" type="password" autoComplete="current-password" state={state} />
      <NewPasswordFields
        state={state}
        name="new_password"
        label="New password"
        repeatLabel="Repeat the new password"
        extraHint="Other devices will be signed out."
      />
      <SubmitButton pendingText="Changing…">Change password</SubmitButton>
    </form>
  )
}
