"use client"

import { useEffect } from "react"
import { forgetCartAction } from "../actions"
import { announceCartCount } from "./cart-link"

/** The browser still points at a cart that is gone (paid, expired, someone else's): drop it. */
export function ForgetStaleCart() {
  useEffect(() => {
    void forgetCartAction().then(() => announceCartCount(0))
  }, [])
  return null
}
