"use client"

import Link from "next/link"
import { useActionState, useEffect } from "react"
import { useFormStatus } from "react-dom"
import { CheckoutLink } from "@/features/checkout/components/checkout-link"
import { addToCartAction, type AddState } from "../actions"
import { announceCartCount } from "./cart-link"

function Submit() {
  const { pending } = useFormStatus()
  return (
    <button type="submit" className="button" disabled={pending} aria-busy={pending || undefined}>
      {pending ? "Adding…" : "Add to cart"}
    </button>
  )
}

/** Adds one copy to the cart and says so, with a way on to the cart and checkout. */
export function AddToCart({ variantId, title }: { variantId: string; title: string }) {
  const [state, action] = useActionState<AddState, FormData>(addToCartAction, { status: "idle", message: "" })
  useEffect(() => {
    if (state.count !== undefined) announceCartCount(state.count)
  }, [state])
  return (
    <form action={action} className="add-to-cart" aria-label={`Buy ${title}`}>
      <input type="hidden" name="variant_id" value={variantId} />
      <Submit />
      <div role="status" aria-live="polite" className="add-to-cart__status">
        {state.status === "added" || state.status === "already" ? (
          <p className="form-message form-message--success">
            {state.message} <Link href="/cart">View cart</Link> · <CheckoutLink>Checkout</CheckoutLink>
          </p>
        ) : null}
        {state.status === "error" ? <p className="form-message form-message--error">{state.message}</p> : null}
      </div>
    </form>
  )
}
