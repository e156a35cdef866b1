"use client"

import Link from "next/link"
import { useActionState } from "react"
import { signIn } from "../actions"
import type { FormState } from "../schemas"
import { Field, FormMessage, SubmitButton } from "./form-parts"

export function SignInForm({ next }: { next: string }) {
  const [state, action] = useActionState<FormState, FormData>(signIn, {})
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage state={state} />
      <Field name="email" label="Email" type="email" autoComplete="email" state={state} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" state={state} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
      <p className="form__links">
        <Link href="/forgot-password">Forgot your password?</Link>
        <Link href={`/register${next !== "/account" ? `?next=${encodeURIComponent(next)}` : ""}`}>Create an account</Link>
      </p>
    </form>
  )
}
