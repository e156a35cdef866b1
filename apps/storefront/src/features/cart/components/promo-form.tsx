"use client"

import { useActionState } from "react"
import { FormMessage, SubmitButton } from "@/features/account/components/form-parts"
import type { FormState } from "@/features/account/schemas"
import { applyPromoAction, removePromoAction } from "../actions"
import { RemoveForm } from "./remove-form"

export function PromoForm({ codes }: { codes: string[] }) {
  const [state, action] = useActionState<FormState, FormData>(applyPromoAction, {})
  const error = state.fieldErrors?.code
  return (
    <div className="promo">
      {codes.length > 0 ? (
        <ul className="promo__codes" aria-label="Applied codes">
          {codes.map((code) => (
            <li key={code}>
              <span className="badge">{code}</span>
              <RemoveForm action={removePromoAction} field="code" value={code} what={`code ${code}`} />
            </li>
          ))}
        </ul>
      ) : null}
      <form action={action} className="promo__form" noValidate>
        <div className="field">
          <label htmlFor="promo-code">Promo code</label>
          <input
            id="promo-code"
            name="code"
            autoComplete="off"
            defaultValue={state.values?.code}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "promo-code-error" : undefined}
          />
          <div role="alert">
            {error ? (
              <p id="promo-code-error" className="field__error">
                {error}
              </p>
            ) : null}
          </div>
        </div>
        <SubmitButton pendingText="Checking…">Apply</SubmitButton>
      </form>
      <FormMessage state={{ success: state.success }} />
    </div>
  )
}
