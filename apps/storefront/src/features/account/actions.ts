"use server"

import { redirect } from "next/navigation"
import {
  changePassword as changePasswordCall,
  completePasswordReset,
  getCustomer,
  registerCustomer,
  requestPasswordReset as requestPasswordResetCall,
  signInWithPassword,
  updateCustomer,
  type Result,
} from "@/lib/medusa/customer"
import { forgetCart, moveCartToCustomer } from "@/lib/medusa/cart"
import { currentSession, endSession, startSession } from "@/lib/session"
import { safeNextPath, verifySessionToken } from "@/lib/session-token"
import { env } from "@/env"
import {
  ChangePasswordSchema,
  ForgotPasswordSchema,
  ProfileSchema,
  RegisterSchema,
  ResetPasswordSchema,
  SignInSchema,
  keepValues,
  parseForm,
  type FormState,
} from "./schemas"

// Server actions: Next checks that each one is posted from this site's own pages (Origin/Host),
// which is our CSRF protection for them (ADR 0003).

const UNFINISHED = "This account was never finished. Create an account again with the same email and password to finish it."

function failure(result: Extract<Result<unknown>, { ok: false }>, messages: Partial<Record<number, string>> = {}): string {
  if (result.status === 429) {
    const wait = result.retryAfter ? ` Try again in ${result.retryAfter} seconds.` : " Try again in a minute."
    return `Too many attempts.${wait}`
  }
  return messages[result.status] ?? (result.status >= 500 ? "Something went wrong on our side. Please try again." : result.message)
}

async function keepCart(token: string) {
  const claims = await verifySessionToken(token, env().MEDUSA_JWT_SECRET)
  if (!claims || !(await moveCartToCustomer(token, claims.customerId))) await forgetCart()
}

export async function signIn(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = keepValues(formData, ["email"])
  const parsed = parseForm(SignInSchema, formData)
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors, values }
  const result = await signInWithPassword(parsed.data.email, parsed.data.password)
  if (!result.ok) return { error: failure(result, { 401: "The email or password is incorrect." }), values }
  if (!(await startSession(result.value))) return { error: UNFINISHED, values }
  // A cart filled before signing in is kept: it becomes this customer's.
  await keepCart(result.value)
  redirect(safeNextPath(formData.get("next")))
}

export async function register(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = keepValues(formData, ["first_name", "last_name", "email"])
  const parsed = parseForm(RegisterSchema, formData)
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors, values }
  const { confirm: _confirm, ...input } = parsed.data
  const result = await registerCustomer(input)
  if (!result.ok) {
    const exists = /already exists/i.test(result.message)
    return {
      error: exists ? "An account with this email already exists. Sign in, or reset your password." : failure(result),
      values,
    }
  }
  if (!(await startSession(result.value))) return { error: UNFINISHED, values }
  await keepCart(result.value)
  redirect(safeNextPath(formData.get("next")))
}

export async function signOut(): Promise<void> {
  await endSession()
  // The cart belongs to the account now; the next visitor on this browser starts afresh.
  await forgetCart()
  redirect("/")
}

export async function requestPasswordReset(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = keepValues(formData, ["email"])
  const parsed = parseForm(ForgotPasswordSchema, formData)
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors, values }
  const result = await requestPasswordResetCall(parsed.data.email)
  // Throttled, or the shop could not take the request: say so rather than claim an email went out.
  if (!result.ok && (result.status === 429 || result.status >= 500)) return { error: failure(result), values }
  // The same answer whether or not the address has an account.
  return { success: `If an account exists for ${parsed.data.email}, we've emailed it a link to choose a new password. The link works for 15 minutes.` }
}

export async function resetPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(ResetPasswordSchema, formData)
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors }
  const result = await completePasswordReset(parsed.data.token, parsed.data.password)
  if (!result.ok) {
    return { error: failure(result, { 401: "This reset link is invalid, already used or expired. Ask for a new one." }) }
  }
  await endSession()
  redirect("/sign-in?reset=1")
}

export async function updateProfile(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = keepValues(formData, ["first_name", "last_name"])
  const session = await currentSession()
  if (!session) redirect("/sign-in?next=/account")
  const parsed = parseForm(ProfileSchema, formData)
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors, values }
  const result = await updateCustomer(session.token, parsed.data)
  if (!result.ok) {
    if (result.status === 401) redirect("/sign-in?expired=1&next=/account")
    return { error: failure(result), values }
  }
  return { success: "Your details are saved.", values }
}

export async function changePassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await currentSession()
  if (!session) redirect("/sign-in?next=/account")
  const parsed = parseForm(ChangePasswordSchema, formData)
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors }
  const customer = await getCustomer(session.token)
  if (!customer.ok) {
    if (customer.status === 401) redirect("/sign-in?expired=1&next=/account")
    return { error: failure(customer) }
  }
  const changed = await changePasswordCall(session.token, parsed.data.current_password, parsed.data.new_password)
  if (!changed.ok) {
    if (changed.status === 401 && /session has ended/i.test(changed.message)) redirect("/sign-in?expired=1&next=/account")
    if (changed.status === 401) return { fieldErrors: { current_password: "That is not your current password" } }
    return { error: failure(changed) }
  }
  // The change ended every session, this one too: open a new one with the new password.
  const renewed = await signInWithPassword(customer.value.email, parsed.data.new_password)
  if (!renewed.ok || !(await startSession(renewed.value))) redirect("/sign-in?next=/account")
  return { success: "Your password is changed. Any other device you were signed in on has been signed out." }
}
