"use client"

import { loadStripe, type Stripe, type StripeElements, type StripePaymentElement } from "@stripe/stripe-js"
import Link from "next/link"
import { useRouter } from "next/navigation"
import { useEffect, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react"
import { flushSync } from "react-dom"
import { CartTotals } from "@/features/cart/components/cart-summary"
import { formatMoney } from "@/lib/currency"
import {
  changeCountryAction,
  completeOrderAction,
  preparePaymentAction,
  testPaymentAction,
  type CheckoutFailure,
  type Totals,
} from "../actions"

export type PaymentMode = { kind: "stripe"; publishableKey: string } | { kind: "test" } | { kind: "unavailable" }
type Buyer = { email: string; name: string; country: string }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function validate(buyer: Buyer): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!EMAIL.test(buyer.email.trim())) errors.email = "Enter a valid email address"
  if (buyer.name.trim().length < 2) errors.name = "Enter the cardholder's name"
  if (!buyer.country) errors.country = "Choose your country"
  return errors
}

/**
 * The one-page checkout: the buyer's email, name and country (which sets GST), Stripe's Payment
 * Element, and Pay. Card details go from the Payment Element straight to Stripe; this page only
 * ever holds the PaymentIntent's client secret (ADR 0001).
 */
export function CheckoutForm({
  mode,
  initial,
  countries,
  totals: initialTotals,
  summary,
}: {
  mode: PaymentMode
  initial: Buyer
  countries: Array<{ code: string; name: string }>
  totals: Totals
  summary: ReactNode
}) {
  const router = useRouter()
  const [buyer, setBuyer] = useState<Buyer>(initial)
  const [totals, setTotals] = useState<Totals>(initialTotals)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [repricing, startRepricing] = useTransition()
  const [paymentReady, setPaymentReady] = useState(false)
  const [paymentLoadFailed, setPaymentLoadFailed] = useState(false)
  const stripe = useRef<Stripe | null>(null)
  const elements = useRef<StripeElements | null>(null)
  const mountPoint = useRef<HTMLDivElement>(null)

  // Stripe.js and the Payment Element, created once for the cart's amount ("deferred intent"):
  // the PaymentIntent itself is only created when Pay is pressed, for the total at that moment.
  useEffect(() => {
    if (mode.kind !== "stripe") return
    let element: StripePaymentElement | null = null
    let cancelled = false
    loadStripe(mode.publishableKey)
      .then((loaded) => {
        if (cancelled || !loaded || !mountPoint.current) return
        stripe.current = loaded
        elements.current = loaded.elements({
          mode: "payment",
          amount: initialTotals.total,
          currency: initialTotals.currency.toLowerCase(),
          // Cards only, as the backend creates the PaymentIntent (wallets are cards to Stripe).
          allowedPaymentMethodTypes: ["card"],
          appearance: { theme: "night", variables: { colorPrimary: "#ffc47a", borderRadius: "10px" } },
        })
        element = elements.current.create("payment", {
          layout: "tabs",
          // Name, email and country are asked above; Stripe gets them with the confirmation.
          fields: { billingDetails: { name: "never", email: "never", address: { country: "never" } } },
        })
        element.on("ready", () => setPaymentReady(true))
        element.mount(mountPoint.current)
      })
      .catch(() => setPaymentLoadFailed(true))
    return () => {
      cancelled = true
      element?.destroy()
    }
    // The element is created once; later totals reach it through elements.update().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode])

  const applyTotals = (next: Totals) => {
    setTotals(next)
    elements.current?.update({ amount: next.total, currency: next.currency.toLowerCase() })
  }

  const handleFailure = (failure: CheckoutFailure) => {
    if (failure.signIn) {
      router.push("/sign-in?expired=1&next=/checkout")
      return
    }
    if (failure.fieldErrors) setFieldErrors(failure.fieldErrors)
    setError(failure.error ?? (failure.fieldErrors ? "Please check the highlighted fields." : "Something went wrong. Please try again."))
    if (failure.expired) router.refresh()
  }

  const onCountry = (country: string) => {
    setBuyer((b) => ({ ...b, country }))
    setFieldErrors(({ country: _removed, ...rest }) => rest)
    startRepricing(async () => {
      const result = await changeCountryAction(country)
      if (result.ok) applyTotals(result.totals)
      else handleFailure(result)
    })
  }

  /**
   * Stripe has the money: from here on nothing may say "not charged" or offer Pay again. If the
   * order is late, Stripe's webhook and the shop's own check complete it.
   */
  const finish = async () => {
    try {
      const done = await completeOrderAction()
      if (done.ok) {
        router.push(`/order/${done.orderId}/confirmed`)
        return
      }
    } catch {
      // Reported below like any other late completion.
    }
    setBusy(false)
    setNotice("Your payment went through. We're finishing your order: it will appear in your downloads in a moment.")
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    setError(null)
    const errors = validate(buyer)
    if (Object.keys(errors).length > 0) {
      // Rendered before the focus moves, so the field is read out with its error.
      flushSync(() => {
        setFieldErrors(errors)
        setError("Please check the highlighted fields.")
      })
      const first = (["email", "name", "country"] as const).find((name) => errors[name])
      if (first) document.getElementById(`checkout-${first}`)?.focus()
      return
    }
    setFieldErrors(errors)
    setBusy(true)
    try {
      if (mode.kind === "test") {
        const result = await testPaymentAction(buyer)
        if (result.ok) {
          router.push(`/order/${result.orderId}/confirmed`)
          return
        }
        handleFailure(result)
        setBusy(false)
        return
      }
      if (mode.kind !== "stripe" || !stripe.current || !elements.current) {
        setError("Payment is not available right now. Please try again in a moment.")
        setBusy(false)
        return
      }
      const submitted = await elements.current.submit()
      if (submitted.error) {
        setError(submitted.error.message ?? "Please check your payment details.")
        setBusy(false)
        return
      }
      const prepared = await preparePaymentAction(buyer)
      if (!prepared.ok) {
        handleFailure(prepared)
        setBusy(false)
        return
      }
      if (prepared.totals.total !== totals.total) {
        // The cart changed since this page showed its total (a code expired, a price changed):
        // show the new amount and let the buyer press Pay again for it.
        applyTotals(prepared.totals)
        setError(`Your total is now ${formatMoney(prepared.totals.total, prepared.totals.currency)}. Check it and press Pay again.`)
        setBusy(false)
        return
      }
      const { error: payError, paymentIntent } = await stripe.current.confirmPayment({
        elements: elements.current,
        clientSecret: prepared.clientSecret,
        redirect: "if_required",
        confirmParams: {
          return_url: `${window.location.origin}/checkout/complete`,
          payment_method_data: {
            billing_details: { name: buyer.name.trim(), email: buyer.email.trim(), address: { country: buyer.country.toUpperCase() } },
          },
        },
      })
      if (payError) {
        setError(
          payError.type === "card_error" || payError.type === "validation_error"
            ? (payError.message ?? "Your card was declined.")
            : "The payment could not be completed. Nothing was charged; please try again.",
        )
        setBusy(false)
        return
      }
      if (paymentIntent && ["succeeded", "processing", "requires_capture"].includes(paymentIntent.status)) {
        await finish()
        return
      }
      setError("The payment was not completed. Nothing was charged; please try again.")
      setBusy(false)
    } catch {
      setError("Something went wrong. Nothing was charged; please try again.")
      setBusy(false)
    }
  }

  const fieldProps = (name: keyof Buyer) => ({
    id: `checkout-${name}`,
    name,
    "aria-invalid": fieldErrors[name] ? true : undefined,
    "aria-describedby": fieldErrors[name] ? `checkout-${name}-error` : undefined,
  })
  const fieldError = (name: keyof Buyer) =>
    fieldErrors[name] ? (
      <p id={`checkout-${name}-error`} className="field__error">
        {fieldErrors[name]}
      </p>
    ) : null

  return (
    <div className="checkout__grid">
      <form className="form checkout__main" onSubmit={onSubmit} noValidate aria-busy={busy || undefined}>
        <fieldset className="checkout__buyer" disabled={busy || notice !== null}>
          <legend className="visually-hidden">Your details</legend>
        <div className="field">
          <label htmlFor="checkout-email">Email for your receipt</label>
          <input
            {...fieldProps("email")}
            type="email"
            autoComplete="email"
            value={buyer.email}
            onChange={(e) => setBuyer((b) => ({ ...b, email: e.target.value }))}
          />
          {fieldError("email")}
        </div>
        <div className="field">
          <label htmlFor="checkout-name">Name on the card</label>
          <input
            {...fieldProps("name")}
            autoComplete="cc-name"
            value={buyer.name}
            onChange={(e) => setBuyer((b) => ({ ...b, name: e.target.value }))}
          />
          {fieldError("name")}
        </div>
        <div className="field">
          <label htmlFor="checkout-country">Country</label>
          <select {...fieldProps("country")} autoComplete="country" value={buyer.country} onChange={(e) => onCountry(e.target.value)}>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
          <p className="field__hint">Australian buyers pay 10% GST; buyers abroad pay none.</p>
          {fieldError("country")}
        </div>
        </fieldset>

        <fieldset className="checkout__payment">
          <legend>Payment</legend>
          {mode.kind === "stripe" ? (
            <>
              <div ref={mountPoint} className="checkout__element" />
              {!paymentReady && !paymentLoadFailed ? (
                <p className="muted" role="status">
                  Loading secure payment form…
                </p>
              ) : null}
              {paymentLoadFailed ? (
                <p className="form-message form-message--error" role="alert">
                  The payment form could not load. Check your connection and{" "}
                  <button type="button" className="link-button" onClick={() => window.location.reload()}>
                    reload the page
                  </button>
                  .
                </p>
              ) : null}
              <p className="field__hint">Card details go straight to Stripe; we never see or store them.</p>
            </>
          ) : mode.kind === "test" ? (
            <p className="form-message" data-testid="test-payment-notice">
              <strong>Test payment (development only).</strong> Stripe is not configured, so this order is paid with Medusa&rsquo;s
              test provider: no card, no money.
            </p>
          ) : (
            <p className="form-message form-message--error" role="alert">
              Payments are not available right now. Please try again later.
            </p>
          )}
        </fieldset>

        <div role="alert" aria-live="assertive">
          {error ? <p className="form-message form-message--error">{error}</p> : null}
        </div>
        <div role="status" aria-live="polite">
          {notice ? (
            <p className="form-message form-message--success">
              {notice} <Link href="/account/downloads">Go to your downloads</Link>
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          className="button checkout__pay"
          disabled={busy || repricing || mode.kind === "unavailable" || (mode.kind === "stripe" && !paymentReady) || notice !== null}
          aria-busy={busy || undefined}
        >
          {busy ? "Paying…" : mode.kind === "test" ? `Place test order (${formatMoney(totals.total, totals.currency)})` : `Pay ${formatMoney(totals.total, totals.currency)}`}
        </button>
      </form>
      <aside className="checkout__aside" aria-label="Order summary">
        <h2>Your order</h2>
        {summary}
        <CartTotals totals={totals} pending={repricing} />
      </aside>
    </div>
  )
}
