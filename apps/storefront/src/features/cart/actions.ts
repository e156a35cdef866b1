"use server"

import { revalidatePath } from "next/cache"
import { z } from "zod"
import { SESSION_ENDED, addToCart, applyPromoCode, forgetCart, getCart, removeLine, removePromoCode } from "@/lib/medusa/cart"
import { currentSession } from "@/lib/session"
import type { FormState } from "../account/schemas"

export type AddState = { status: "idle" | "added" | "already" | "error"; message: string; count?: number }

const VariantId = z.string().regex(/^variant_[0-9A-Za-z]+$/)

export async function addToCartAction(_previous: AddState, formData: FormData): Promise<AddState> {
  const variant = VariantId.safeParse(formData.get("variant_id"))
  if (!variant.success) return { status: "error", message: "This product can't be added." }
  const session = await currentSession()
  const outcome = await addToCart(variant.data, session?.token)
  if (!outcome.ok) return { status: "error", message: outcome.message }
  revalidatePath("/cart")
  const count = outcome.cart.lines.length
  return outcome.alreadyInCart
    ? { status: "already", message: "It's already in your cart: one copy is all you need.", count }
    : { status: "added", message: "Added to your cart.", count }
}

/** What a Remove button reports: nothing when it worked (the page shows the new cart), or why not. */
export type RemoveState = { error?: string }

/** An expired cart is simply gone (the page shows that); anything else is said. */
const removed = (result: { ok: boolean; status?: number }): RemoveState =>
  result.ok || result.status === 404
    ? {}
    : { error: result.status === 401 ? SESSION_ENDED : "We couldn't remove that just now. Please try again." }

export async function removeFromCartAction(_previous: RemoveState, formData: FormData): Promise<RemoveState> {
  const lineId = String(formData.get("line_id") ?? "")
  if (!/^cali_[0-9A-Za-z]+$/.test(lineId)) return { error: "That product can't be removed." }
  const session = await currentSession()
  const result = await removeLine(lineId, session?.token)
  revalidatePath("/cart")
  revalidatePath("/checkout")
  return removed(result)
}

const PromoCode = z.string().trim().min(1, "Enter a code").max(64, "That code is too long").regex(/^[\w-]+$/, "Codes use letters, numbers and dashes")

export async function applyPromoAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const code = PromoCode.safeParse(formData.get("code"))
  const values = { code: String(formData.get("code") ?? "") }
  if (!code.success) return { fieldErrors: { code: code.error.issues[0]!.message }, values }
  const session = await currentSession()
  const result = await applyPromoCode(code.data, session?.token)
  if (!result.ok) {
    const message = /invalid/i.test(result.message) ? `The code ${code.data} isn't valid.` : result.status >= 500 ? "We couldn't check that code. Please try again." : result.message
    return { fieldErrors: { code: message }, values }
  }
  revalidatePath("/cart")
  revalidatePath("/checkout")
  return { success: `Code ${code.data.toUpperCase()} applied.` }
}

export async function removePromoAction(_previous: RemoveState, formData: FormData): Promise<RemoveState> {
  const code = PromoCode.safeParse(formData.get("code"))
  if (!code.success) return { error: "That code can't be removed." }
  const session = await currentSession()
  const result = await removePromoCode(code.data, session?.token)
  revalidatePath("/cart")
  revalidatePath("/checkout")
  return removed(result)
}

/** Clears the cart cookies when the cart they name is gone (checked again here, not trusted). */
export async function forgetCartAction(): Promise<void> {
  const session = await currentSession()
  const cart = await getCart(session?.token, "/cart")
  if (!cart || (cart.customerId && cart.customerId !== session?.customerId)) await forgetCart()
}
