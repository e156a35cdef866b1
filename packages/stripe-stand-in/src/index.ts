/**
 * A local stand-in for the slice of Stripe's API the shop uses (ADR 0020), so that tests run
 * offline: customers, PaymentIntents confirmed with Stripe's test card numbers, 3-D Secure,
 * captures, refunds and disputes, and signed webhooks sent the way Stripe sends them.
 *
 * stripe-node talks to it with `new Stripe(key, { host: "127.0.0.1", port, protocol: "http" })`;
 * the fake Stripe.js of the browser tests calls `/confirm`, `/three_d_secure` (its own route) and
 * `GET /v1/payment_intents/:id` with the publishable key and the client secret.
 * Node built-ins only, and no ESM-only syntax: it is loaded by tsx and by Jest (CommonJS) alike.
 */
import { createHmac, randomBytes } from "node:crypto"
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http"
import { request as httpsRequest } from "node:https"
import type { AddressInfo } from "node:net"

const API_VERSION = "2024-04-10"
const WEBHOOK_TIMEOUT_MS = 5_000

export type Metadata = Record<string, string>
export type Address = { city: string | null; country: string | null; line1: string | null; line2: string | null; postal_code: string | null; state: string | null }
export type BillingDetails = { address: Address; email: string | null; name: string | null; phone: string | null }
export type StripeList<T> = { object: "list"; data: T[]; has_more: false; total_count: number; url: string }

export type StripeErrorBody = {
  type: "invalid_request_error" | "card_error" | "idempotency_error" | "api_error"
  code?: string
  decline_code?: string
  message: string
  param?: string
  doc_url?: string
  payment_intent?: PaymentIntent
  payment_method?: PaymentMethod
}

export type Customer = {
  id: string; object: "customer"; created: number; livemode: false; metadata: Metadata
  email: string | null; name: string | null; phone: string | null; description: string | null
  address: Partial<Address> | null; shipping: unknown; balance: number; currency: string | null
  invoice_settings: { default_payment_method: string | null }
}

export type PaymentMethod = {
  id: string; object: "payment_method"; created: number; livemode: false; metadata: Metadata; type: "card"
  card: { brand: string; last4: string; exp_month: number; exp_year: number; country: string; funding: "credit" }
  billing_details: BillingDetails; customer: string | null
}

export type PaymentIntentStatus =
  | "requires_payment_method" | "requires_confirmation" | "requires_action" | "processing" | "requires_capture" | "canceled" | "succeeded"

export type PaymentIntent = {
  id: string; object: "payment_intent"; created: number; livemode: false; metadata: Metadata
  amount: number; amount_capturable: number; amount_received: number; currency: string; status: PaymentIntentStatus
  capture_method: "automatic" | "automatic_async" | "manual"; confirmation_method: "automatic"
  client_secret: string; customer: string | null; description: string | null; receipt_email: string | null
  automatic_payment_methods: { enabled: boolean } | null; payment_method_types: string[]; setup_future_usage: string | null
  payment_method: string | null; latest_charge: string | null
  last_payment_error: StripeErrorBody | null
  next_action: { type: "use_stripe_sdk"; use_stripe_sdk: { type: "three_d_secure_redirect" } } | null
  canceled_at: number | null; cancellation_reason: string | null
}

export type Refund = {
  id: string; object: "refund"; created: number; amount: number; charge: string; payment_intent: string
  currency: string; status: "succeeded"; reason: string | null; metadata: Metadata
}

export type Charge = {
  id: string; object: "charge"; created: number; livemode: false; metadata: Metadata
  amount: number; amount_captured: number; amount_refunded: number; captured: boolean; refunded: boolean; disputed: boolean
  currency: string; customer: string | null; description: string | null; paid: true; status: "succeeded"
  payment_intent: string; payment_method: string; billing_details: BillingDetails
  payment_method_details: { type: "card"; card: { brand: string; last4: string; exp_month: number; exp_year: number } }
  refunds: StripeList<Refund>
}

export type Dispute = {
  id: string; object: "dispute"; created: number; livemode: false; metadata: Metadata
  amount: number; charge: string; payment_intent: string; currency: string; reason: string
  status: "needs_response" | "won" | "lost"; is_charge_refundable: boolean
  evidence_details: { due_by: number; has_evidence: boolean; past_due: boolean; submission_count: number }
}

export type SetupIntent = {
  id: string; object: "setup_intent"; created: number; livemode: false; metadata: Metadata
  client_secret: string; customer: string | null; payment_method: string | null; status: "requires_payment_method"; usage: string
}

export type StripeEvent = {
  id: string; object: "event"; api_version: string; created: number; data: { object: object }
  livemode: false; pending_webhooks: number; request: { id: null; idempotency_key: null }; type: string
}

export type StripeStandIn = {
  url: string
  port: number
  webhookSecret: string
  /** null = don't send webhooks (a "lost" webhook); decided when an event happens. */
  setWebhookUrl(url: string | null): void
  /** A copy of the stored object. */
  paymentIntent(id: string): PaymentIntent | undefined
  paymentIntents(): PaymentIntent[]
  /** A copy of a stored charge. */
  charge(id: string): Charge | undefined
  /** As if the buyer paid (creates the charge), WITHOUT a webhook: `succeeded`, or `requires_capture` for manual capture. */
  succeedSilently(id: string): PaymentIntent
  signedEvent(type: string, object: object, opts?: { secret?: string }): { payload: string; header: string; event: StripeEvent }
  /** Signs and POSTs an event to the webhook URL now (throws without one); resolves with the HTTP status. */
  sendEvent(type: string, object: object, opts?: { secret?: string }): Promise<number>
  /** A refund through the API path, as from the dashboard; resolves once `charge.refunded` was delivered. */
  refundFromDashboard(paymentIntentId: string, amount?: number): Promise<{ refund: Refund; charge: Charge }>
  /** Opens a dispute on the PI's charge; resolves once `charge.dispute.created` was delivered. */
  openDispute(paymentIntentId: string, reason?: string): Promise<Dispute>
  /** Closes a dispute; resolves once `charge.dispute.closed` was delivered. */
  closeDispute(disputeId: string, status: "won" | "lost"): Promise<Dispute>
  /** Resolves once every webhook queued so far has been delivered (or failed). */
  settled(): Promise<void>
  requests: Array<{ method: string; path: string; body: Record<string, unknown> }>
  deliveries: Array<{ type: string; id: string; status: number }>
  stop(): Promise<void>
}

/** Stripe's `Stripe-Signature` header value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<payload>">`. */
export function signStripePayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex")
  return `t=${timestamp},v1=${signature}`
}

// ---------- form bodies ----------

/** A form body as Stripe reads it: `a[b][0]=x` becomes `{ a: { b: ["x"] } }`. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue }
export type FormBody = { [key: string]: FormValue }
type FormTree = { [key: string]: FormTree | string }

function parseForm(params: URLSearchParams, into: FormTree = {}): FormTree {
  for (const [key, value] of params) {
    const head = key.match(/^[^[]+/)?.[0]
    if (!head) continue
    const path = [head, ...Array.from(key.slice(head.length).matchAll(/\[([^\]]*)\]/g), (m) => m[1] ?? "")]
    let node = into
    path.forEach((segment, i) => {
      const name = segment === "" ? String(Object.keys(node).length) : segment // `a[]=x` appends
      if (i === path.length - 1) node[name] = value
      else node = typeof node[name] === "object" ? (node[name] as FormTree) : (node[name] = {})
    })
  }
  return into
}

/** Objects keyed 0..n-1 (stripe-node's `expand[0]=...`) become arrays. */
function toFormValue(node: FormTree | string): FormValue {
  if (typeof node === "string") return node
  const keys = Object.keys(node)
  const values = keys.map((k) => toFormValue(node[k]!))
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return values
  return Object.fromEntries(keys.map((k, i) => [k, values[i]!]))
}

const str = (v: FormValue | undefined) => (typeof v === "string" ? v : undefined)
const rec = (v: FormValue | undefined): FormBody => (v && typeof v === "object" && !Array.isArray(v) ? v : {})
const strings = (v: FormValue | undefined) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : [])
/** Stripe unsets a field given as an empty string. */
const orNull = (v: FormValue | undefined) => str(v) || null

// ---------- errors ----------

class StripeApiError extends Error {
  constructor(readonly status: number, readonly body: StripeErrorBody) {
    super(body.message)
  }
}

function fail(status: number, type: StripeErrorBody["type"], message: string, extra: Partial<StripeErrorBody> = {}): never {
  const docs = extra.code ? { doc_url: `https://stripe.com/docs/error-codes/${extra.code.replace(/_/g, "-")}` } : {}
  throw new StripeApiError(status, { type, message, ...docs, ...extra })
}
const invalid = (message: string, extra: Partial<StripeErrorBody> = {}): never => fail(400, "invalid_request_error", message, extra)
const missing = (kind: string, id: string, param = "id"): never =>
  fail(404, "invalid_request_error", `No such ${kind}: '${id}'`, { code: "resource_missing", param })

function integer(value: FormValue | undefined, param: string, min = 1): number {
  const text = str(value)
  if (text === undefined) invalid(`Missing required param: ${param}.`, { code: "parameter_missing", param })
  if (!/^-?\d+$/.test(text!)) invalid(`Invalid integer: ${text}`, { code: "parameter_invalid_integer", param })
  const n = Number(text)
  if (n < min) invalid(`This value must be greater than or equal to ${min}.`, { code: "parameter_invalid_integer", param })
  return n
}

/** Stripe's smallest chargeable amounts, in minor units (50 for most currencies). */
const MINIMUM_AMOUNT: Record<string, number> = { gbp: 30, jpy: 50, hkd: 400, mxn: 1000, nok: 300, sek: 300, dkk: 250 }
function chargeable(amount: number, currency: string): number {
  const min = MINIMUM_AMOUNT[currency] ?? 50
  if (amount < min) invalid(`Amount must be at least ${min} minor units of ${currency}`, { code: "amount_too_small", param: "amount" })
  return amount
}

// ---------- test cards ----------

const DECLINES: Record<string, { decline_code: string; message: string }> = {
  "4000000000000002": { decline_code: "generic_decline", message: "Your card was declined." },
  "4000000000009995": { decline_code: "insufficient_funds", message: "Your card has insufficient funds." },
}
const THREE_D_SECURE_REQUIRED = "4000002760003184"
/** Stripe's test PaymentMethod ids, for server-side confirmation. */
const TEST_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: "4242424242424242",
  pm_card_chargeDeclined: "4000000000000002",
  pm_card_chargeDeclinedInsufficientFunds: "4000000000009995",
  pm_card_authenticationRequired: THREE_D_SECURE_REQUIRED,
}

function luhn(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false
  let sum = 0
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i])
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2
    sum += digit
  }
  return sum % 10 === 0
}

const brand = (n: string) => (/^4/.test(n) ? "visa" : /^(5[1-5]|2[2-7])/.test(n) ? "mastercard" : /^3[47]/.test(n) ? "amex" : "unknown")

// ---------- the stand-in ----------

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
const random = (length = 24) => Array.from(randomBytes(length), (b) => ALPHABET[b % ALPHABET.length]).join("")
const newId = (prefix: string) => `${prefix}_${random()}`
const now = () => Math.floor(Date.now() / 1000)
/** Every object here is plain JSON; a JSON round trip also works in every Jest environment. */
const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T))

type Emit = (type: string, object: object) => void
type Caller = "secret" | "publishable"
type Context = { params: string[]; body: FormBody; caller: Caller; emit: Emit }
type Route = { method: string; pattern: RegExp; publishable?: boolean; handle(ctx: Context): object }

export async function startStripeStandIn(opts: { webhookSecret: string; webhookUrl?: string | null; port?: number }): Promise<StripeStandIn> {
  const { webhookSecret } = opts
  let webhookUrl = opts.webhookUrl ?? null
  const customers = new Map<string, Customer>()
  const deletedCustomers = new Set<string>()
  /** The test card number behind each PaymentMethod: it decides the outcome of a payment. */
  const cardNumbers = new Map<string, string>()
  const intents = new Map<string, PaymentIntent>()
  const methods = new Map<string, PaymentMethod>()
  const charges = new Map<string, Charge>()
  const refunds = new Map<string, Refund>()
  const disputes = new Map<string, Dispute>()
  const idempotent = new Map<string, { params: string; status: number; payload: string }>()
  const requests: StripeStandIn["requests"] = []
  const deliveries: StripeStandIn["deliveries"] = []

  // ----- webhooks: one at a time, in the order the events happened -----
  let queue: Promise<unknown> = Promise.resolve()

  const makeEvent = (type: string, object: object): StripeEvent => ({
    id: newId("evt"), object: "event", api_version: API_VERSION, created: now(), data: { object: copy(object) },
    livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type,
  })

  /** POSTs one event; resolves with the HTTP status, 0 when the receiver could not be reached. */
  const post = (event: StripeEvent, url: string, secret: string) =>
    new Promise<number>((resolve) => {
      const payload = JSON.stringify(event, null, 2)
      const request = url.startsWith("https:") ? httpsRequest : httpRequest
      let finished = false
      const done = (status: number) => {
        if (finished) return
        finished = true
        deliveries.push({ type: event.type, id: event.id, status })
        resolve(status)
      }
      const req = request(url, {
        method: "POST",
        timeout: WEBHOOK_TIMEOUT_MS,
        headers: {
          "content-type": "application/json; charset=utf-8",
          "content-length": Buffer.byteLength(payload),
          "stripe-signature": signStripePayload(payload, secret),
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        },
      }, (res) => {
        res.resume()
        res.on("end", () => done(res.statusCode ?? 0))
        res.on("error", () => done(res.statusCode ?? 0))
        res.on("close", () => done(res.statusCode ?? 0))
      })
      req.on("timeout", () => req.destroy(new Error("webhook timed out")))
      req.on("error", () => done(0))
      req.end(payload)
    })

  const deliver = (event: StripeEvent, url: string, secret = webhookSecret): Promise<number> => {
    const sent = queue.then(() => post(event, url, secret))
    queue = sent
    return sent
  }

  /** Emits now and returns the delivery (undefined when webhooks are off): for the test helpers. */
  const emitNow = (type: string, object: object) => (webhookUrl ? deliver(makeEvent(type, object), webhookUrl) : undefined)

  // ----- lookups -----
  const intent = (id: string) => intents.get(id) ?? missing("payment_intent", id, "intent")
  const customer = (id: string) => customers.get(id) ?? missing("customer", id)
  const method = (id: string) => methods.get(id) ?? missing("payment_method", id, "payment_method")

  function authorizeIntent(ctx: Context, pi: PaymentIntent) {
    if (ctx.caller === "secret") return
    const secret = str(ctx.body.client_secret)
    if (!secret) invalid("You must provide a client_secret when using a publishable key.", { code: "parameter_missing", param: "client_secret" })
    if (secret !== pi.client_secret)
      invalid("The client_secret provided does not match the client_secret associated with the PaymentIntent.", { param: "client_secret" })
  }

  function unexpectedState(pi: PaymentIntent, message: string): never {
    return invalid(message, { code: "payment_intent_unexpected_state", payment_intent: copy(pi) })
  }

  function render(pi: PaymentIntent, body: FormBody): object {
    const expand = strings(body.expand)
    return {
      ...copy(pi),
      ...(expand.includes("payment_method") && pi.payment_method ? { payment_method: copy(methods.get(pi.payment_method)) } : {}),
      ...(expand.includes("latest_charge") && pi.latest_charge ? { latest_charge: copy(charges.get(pi.latest_charge)) } : {}),
      ...(expand.includes("customer") && pi.customer ? { customer: copy(customers.get(pi.customer)) } : {}),
    }
  }

  function mergeMetadata(current: Metadata, update: FormValue | undefined): Metadata {
    if (update === undefined) return current
    if (update === "") return {} // `metadata=""` clears every key
    const merged = { ...current }
    for (const [key, value] of Object.entries(rec(update))) {
      if (value === "") delete merged[key]
      else merged[key] = String(value)
    }
    return merged
  }

  function createPaymentMethod(data: FormBody): PaymentMethod {
    const card = rec(data.card)
    const number = (str(card.number) ?? "").replace(/\s+/g, "")
    if (!number) invalid("Missing required param: payment_method_data[card][number].", { code: "parameter_missing", param: "payment_method_data[card][number]" })
    if (!luhn(number)) fail(402, "card_error", "Your card number is incorrect.", { code: "incorrect_number", param: "number" })
    const expMonth = Number(str(card.exp_month) ?? 12)
    const expYear = Number(str(card.exp_year) ?? new Date().getFullYear() + 5)
    const fullYear = expYear < 100 ? 2000 + expYear : expYear
    if (fullYear * 12 + expMonth < new Date().getFullYear() * 12 + new Date().getMonth() + 1)
      fail(402, "card_error", "Your card has expired.", { code: "expired_card", param: "exp_year" })
    const billing = rec(data.billing_details)
    const address = rec(billing.address)
    const pm: PaymentMethod = {
      id: newId("pm"), object: "payment_method", created: now(), livemode: false, metadata: {}, type: "card",
      card: { brand: brand(number), last4: number.slice(-4), exp_month: expMonth, exp_year: fullYear, country: "US", funding: "credit" },
      billing_details: {
        name: orNull(billing.name), email: orNull(billing.email), phone: orNull(billing.phone),
        address: {
          city: orNull(address.city), country: orNull(address.country), line1: orNull(address.line1),
          line2: orNull(address.line2), postal_code: orNull(address.postal_code), state: orNull(address.state),
        },
      },
      customer: null,
    }
    methods.set(pm.id, pm)
    cardNumbers.set(pm.id, number)
    return pm
  }

  /** The buyer paid: a charge, then `succeeded` (or `requires_capture` for manual capture). */
  function settle(pi: PaymentIntent, pm: PaymentMethod, emit: Emit | null): PaymentIntent {
    const manual = pi.capture_method === "manual"
    const charge: Charge = {
      id: newId("ch"), object: "charge", created: now(), livemode: false, metadata: { ...pi.metadata },
      amount: pi.amount, amount_captured: manual ? 0 : pi.amount, amount_refunded: 0, captured: !manual, refunded: false, disputed: false,
      currency: pi.currency, customer: pi.customer, description: pi.description, paid: true, status: "succeeded",
      payment_intent: pi.id, payment_method: pm.id, billing_details: copy(pm.billing_details),
      payment_method_details: { type: "card", card: { brand: pm.card.brand, last4: pm.card.last4, exp_month: pm.card.exp_month, exp_year: pm.card.exp_year } },
      refunds: { object: "list", data: [], has_more: false, total_count: 0, url: "" },
    }
    charge.refunds.url = `/v1/charges/${charge.id}/refunds`
    charges.set(charge.id, charge)
    if (pi.setup_future_usage && pi.customer) pm.customer = pi.customer
    Object.assign(pi, {
      status: manual ? "requires_capture" : "succeeded", amount_capturable: manual ? pi.amount : 0, amount_received: manual ? 0 : pi.amount,
      latest_charge: charge.id, payment_method: pm.id, last_payment_error: null, next_action: null,
    })
    emit?.(manual ? "payment_intent.amount_capturable_updated" : "payment_intent.succeeded", pi)
    return pi
  }

  /** A failed attempt: back to `requires_payment_method` with `last_payment_error`, a webhook, and a 402. */
  function decline(pi: PaymentIntent, error: StripeErrorBody, emit: Emit): never {
    Object.assign(pi, { status: "requires_payment_method", payment_method: null, next_action: null, last_payment_error: error })
    emit("payment_intent.payment_failed", pi)
    throw new StripeApiError(402, { ...error, payment_intent: copy(pi) })
  }

  function confirm(pi: PaymentIntent, body: FormBody, emit: Emit): PaymentIntent {
    if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(pi.status))
      unexpectedState(pi, `You cannot confirm this PaymentIntent because it has a status of ${pi.status}.`)
    const given = str(body.payment_method)
    const testCard = given ? TEST_PAYMENT_METHODS[given] : undefined
    let pm: PaymentMethod
    try {
      pm = given && !testCard ? method(given) : createPaymentMethod(testCard ? { card: { number: testCard } } : rec(body.payment_method_data))
    } catch (error) {
      // Card errors (a mistyped number, an expired card) name the PaymentIntent, as Stripe's do.
      if (error instanceof StripeApiError && error.body.type === "card_error") error.body.payment_intent = copy(pi)
      throw error
    }
    const number = cardNumbers.get(pm.id) ?? ""
    const declined = DECLINES[number]
    if (declined) {
      const docs = "https://stripe.com/docs/error-codes/card-declined"
      decline(pi, { type: "card_error", code: "card_declined", ...declined, doc_url: docs, payment_method: copy(pm) }, emit)
    }
    if (number === THREE_D_SECURE_REQUIRED) {
      Object.assign(pi, {
        status: "requires_action", payment_method: pm.id, last_payment_error: null,
        next_action: { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect" } },
      })
      emit("payment_intent.requires_action", pi)
      return pi
    }
    return settle(pi, pm, emit)
  }

  function refund(body: FormBody, emit: Emit): { refund: Refund; charge: Charge } {
    const piId = str(body.payment_intent)
    const chargeId = str(body.charge)
    if (!piId && !chargeId) invalid("One of the following params should be provided for this request: payment_intent or charge.", { code: "parameter_missing" })
    const pi = piId ? intent(piId) : undefined
    const charge = chargeId ? (charges.get(chargeId) ?? missing("charge", chargeId, "charge")) : pi?.latest_charge ? charges.get(pi.latest_charge) : undefined
    if (!charge) return invalid(`This PaymentIntent (${piId}) does not have a successful charge to refund.`, { param: "payment_intent" })
    if (!charge.captured) invalid(`Charge ${charge.id} has not been captured; cancel its PaymentIntent instead.`, { param: "charge" })
    const remaining = charge.amount - charge.amount_refunded
    if (remaining <= 0) invalid(`Charge ${charge.id} has already been refunded.`, { code: "charge_already_refunded", param: "charge" })
    const amount = body.amount === undefined ? remaining : integer(body.amount, "amount")
    if (amount > remaining)
      invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, { code: "amount_too_large", param: "amount" })
    const created: Refund = {
      id: newId("re"), object: "refund", created: now(), amount, charge: charge.id, payment_intent: charge.payment_intent,
      currency: charge.currency, status: "succeeded", reason: str(body.reason) ?? null, metadata: mergeMetadata({}, body.metadata),
    }
    refunds.set(created.id, created)
    charge.amount_refunded += amount
    charge.refunded = charge.amount_refunded >= charge.amount
    charge.refunds.data.unshift(created) // newest first, as Stripe lists them
    charge.refunds.total_count = charge.refunds.data.length
    emit("charge.refunded", charge)
    return { refund: created, charge }
  }

  function customerFields(body: FormBody): Partial<Customer> {
    const fields: Partial<Customer> = {}
    for (const key of ["email", "name", "phone", "description"] as const) if (body[key] !== undefined) fields[key] = orNull(body[key])
    if (body.address !== undefined) fields.address = body.address === "" ? null : (rec(body.address) as Partial<Address>)
    if (body.shipping !== undefined) fields.shipping = body.shipping === "" ? null : rec(body.shipping)
    return fields
  }

  const routes: Route[] = [
    { method: "POST", pattern: /^\/v1\/customers$/, handle: ({ body }) => {
      const created: Customer = {
        id: newId("cus"), object: "customer", created: now(), livemode: false, metadata: mergeMetadata({}, body.metadata),
        email: null, name: null, phone: null, description: null, address: null, shipping: null, balance: 0, currency: null,
        invoice_settings: { default_payment_method: null }, ...customerFields(body),
      }
      customers.set(created.id, created)
      return created
    } },
    { method: "GET", pattern: /^\/v1\/customers\/([^/]+)$/, handle: ({ params: [id] }) =>
      deletedCustomers.has(id!) ? { id, object: "customer", deleted: true } : customer(id!) },
    { method: "POST", pattern: /^\/v1\/customers\/([^/]+)$/, handle: ({ params: [id], body }) => {
      const found = customer(id!)
      return Object.assign(found, customerFields(body), { metadata: mergeMetadata(found.metadata, body.metadata) })
    } },
    { method: "DELETE", pattern: /^\/v1\/customers\/([^/]+)$/, handle: ({ params: [id] }) => {
      customer(id!)
      customers.delete(id!)
      deletedCustomers.add(id!)
      return { id, object: "customer", deleted: true }
    } },
    { method: "GET", pattern: /^\/v1\/customers\/([^/]+)\/payment_methods$/, handle: ({ params: [id], body }) => {
      customer(id!)
      const type = str(body.type)
      const data = [...methods.values()].filter((pm) => pm.customer === id && (!type || pm.type === type))
      return { object: "list", data, has_more: false, url: `/v1/customers/${id}/payment_methods` }
    } },

    { method: "POST", pattern: /^\/v1\/payment_intents$/, handle: ({ body, emit }) => {
      const currency = str(body.currency)?.toLowerCase()
      if (!currency) invalid("Missing required param: currency.", { code: "parameter_missing", param: "currency" })
      const captureMethod = str(body.capture_method) ?? "automatic_async" // the default since API version 2024-04-10
      if (!["automatic", "automatic_async", "manual"].includes(captureMethod)) invalid(`Invalid capture_method: ${captureMethod}`, { param: "capture_method" })
      const customerId = str(body.customer) || null
      if (customerId) customer(customerId)
      const automatic = str(rec(body.automatic_payment_methods).enabled)
      const id = newId("pi")
      const pi: PaymentIntent = {
        id, object: "payment_intent", created: now(), livemode: false, metadata: mergeMetadata({}, body.metadata),
        amount: chargeable(integer(body.amount, "amount"), currency!), amount_capturable: 0, amount_received: 0, currency: currency!,
        status: "requires_payment_method", capture_method: captureMethod as PaymentIntent["capture_method"], confirmation_method: "automatic",
        client_secret: `${id}_secret_${random()}`, customer: customerId, description: orNull(body.description), receipt_email: orNull(body.receipt_email),
        automatic_payment_methods: automatic === undefined ? null : { enabled: automatic === "true" },
        payment_method_types: strings(body.payment_method_types).length ? strings(body.payment_method_types) : ["card"],
        setup_future_usage: orNull(body.setup_future_usage), payment_method: null, latest_charge: null,
        last_payment_error: null, next_action: null, canceled_at: null, cancellation_reason: null,
      }
      intents.set(id, pi)
      if (str(body.confirm) === "true") confirm(pi, body, emit)
      return render(pi, body)
    } },
    { method: "GET", pattern: /^\/v1\/payment_intents\/([^/]+)$/, publishable: true, handle: (ctx) => {
      const pi = intent(ctx.params[0]!)
      authorizeIntent(ctx, pi)
      return render(pi, ctx.body)
    } },
    { method: "POST", pattern: /^\/v1\/payment_intents\/([^/]+)$/, handle: ({ params: [id], body }) => {
      const pi = intent(id!)
      if (pi.status === "succeeded" || pi.status === "canceled")
        unexpectedState(pi, `You cannot update this PaymentIntent because it has a status of ${pi.status}.`)
      if (body.currency !== undefined) pi.currency = str(body.currency)!.toLowerCase()
      if (body.amount !== undefined) pi.amount = chargeable(integer(body.amount, "amount"), pi.currency)
      if (body.customer !== undefined) pi.customer = str(body.customer) ? customer(str(body.customer)!).id : null
      for (const key of ["description", "receipt_email", "setup_future_usage"] as const) if (body[key] !== undefined) pi[key] = orNull(body[key])
      pi.metadata = mergeMetadata(pi.metadata, body.metadata)
      return render(pi, body)
    } },
    { method: "POST", pattern: /^\/v1\/payment_intents\/([^/]+)\/confirm$/, publishable: true, handle: (ctx) => {
      const pi = intent(ctx.params[0]!)
      authorizeIntent(ctx, pi)
      return render(confirm(pi, ctx.body, ctx.emit), ctx.body)
    } },
    // Stand-in only: the fake Stripe.js reports the outcome of its 3-D Secure dialog here.
    { method: "POST", pattern: /^\/v1\/payment_intents\/([^/]+)\/three_d_secure$/, publishable: true, handle: (ctx) => {
      const pi = intent(ctx.params[0]!)
      authorizeIntent(ctx, pi)
      if (pi.status !== "requires_action") unexpectedState(pi, `This PaymentIntent has a status of ${pi.status}; it needs no authentication.`)
      if (str(ctx.body.outcome) === "complete") return render(settle(pi, method(pi.payment_method!), ctx.emit), ctx.body)
      return decline(pi, {
        type: "invalid_request_error", code: "payment_intent_authentication_failure",
        message: "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
        doc_url: "https://stripe.com/docs/error-codes/payment-intent-authentication-failure", payment_method: copy(methods.get(pi.payment_method!)),
      }, ctx.emit)
    } },
    { method: "POST", pattern: /^\/v1\/payment_intents\/([^/]+)\/capture$/, handle: ({ params: [id], body, emit }) => {
      const pi = intent(id!)
      if (pi.status !== "requires_capture")
        unexpectedState(pi, `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`)
      const amount = body.amount_to_capture === undefined ? pi.amount_capturable : integer(body.amount_to_capture, "amount_to_capture")
      if (amount > pi.amount_capturable)
        invalid(`The amount to capture (${amount}) is greater than the amount capturable (${pi.amount_capturable}).`, { code: "amount_too_large", param: "amount_to_capture" })
      const charge = charges.get(pi.latest_charge!)!
      // A partial capture releases the rest, which Stripe counts as refunded.
      Object.assign(charge, { captured: true, amount_captured: amount, amount_refunded: charge.amount - amount })
      Object.assign(pi, { status: "succeeded", amount_received: amount, amount_capturable: 0 })
      emit("payment_intent.succeeded", pi)
      return render(pi, body)
    } },
    { method: "POST", pattern: /^\/v1\/payment_intents\/([^/]+)\/cancel$/, handle: ({ params: [id], body, emit }) => {
      const pi = intent(id!)
      if (pi.status === "succeeded" || pi.status === "canceled")
        unexpectedState(pi, `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`)
      const charge = pi.latest_charge ? charges.get(pi.latest_charge) : undefined
      if (charge && !charge.captured) Object.assign(charge, { amount_refunded: charge.amount, refunded: true }) // authorisation released
      Object.assign(pi, { status: "canceled", amount_capturable: 0, next_action: null, canceled_at: now(), cancellation_reason: str(body.cancellation_reason) ?? null })
      emit("payment_intent.canceled", pi)
      return render(pi, body)
    } },

    { method: "POST", pattern: /^\/v1\/refunds$/, handle: ({ body, emit }) => refund(body, emit).refund },
    { method: "GET", pattern: /^\/v1\/refunds\/([^/]+)$/, handle: ({ params: [id] }) => refunds.get(id!) ?? missing("refund", id!) },
    { method: "GET", pattern: /^\/v1\/charges\/([^/]+)$/, handle: ({ params: [id] }) => charges.get(id!) ?? missing("charge", id!, "charge") },
    { method: "GET", pattern: /^\/v1\/disputes\/([^/]+)$/, handle: ({ params: [id] }) => disputes.get(id!) ?? missing("dispute", id!, "dispute") },
    { method: "GET", pattern: /^\/v1\/payment_methods\/([^/]+)$/, handle: ({ params: [id] }) => method(id!) },
    { method: "POST", pattern: /^\/v1\/payment_methods\/([^/]+)\/detach$/, handle: ({ params: [id] }) => {
      const pm = method(id!)
      if (!pm.customer)
        invalid("The payment method you provided is not attached to a customer so detachment is impossible.", { code: "payment_method_unexpected_state" })
      pm.customer = null
      return pm
    } },
    { method: "POST", pattern: /^\/v1\/setup_intents$/, handle: ({ body }) => {
      const id = newId("seti")
      const customerId = str(body.customer) || null
      if (customerId) customer(customerId)
      const created: SetupIntent = {
        id, object: "setup_intent", created: now(), livemode: false, metadata: mergeMetadata({}, body.metadata),
        client_secret: `${id}_secret_${random()}`, customer: customerId, payment_method: str(body.payment_method) || null,
        status: "requires_payment_method", usage: str(body.usage) ?? "off_session",
      }
      return created
    } },
  ]

  /** Who is calling: a secret key in `Authorization`, or a publishable key (Stripe.js sends it as `key` in the body). */
  function authenticate(req: IncomingMessage, body: FormBody): Caller {
    const header = req.headers.authorization ?? ""
    const key = header.startsWith("Bearer ") ? header.slice(7).trim()
      : header.startsWith("Basic ") ? Buffer.from(header.slice(6), "base64").toString().split(":")[0]
      : str(body.key)
    if (!key) fail(401, "invalid_request_error", "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').")
    if (/^(sk|rk)_test_\w+$/.test(key!)) return "secret"
    if (/^pk_test_\w+$/.test(key!)) return "publishable"
    return fail(401, "invalid_request_error", `Invalid API Key provided: ${key!.slice(0, 8)}****${key!.slice(-4)}`)
  }

  function dispatch(req: IncomingMessage, path: string, body: FormBody, emit: Emit): object {
    for (const route of routes) {
      const match = route.method === req.method ? path.match(route.pattern) : null
      if (!match) continue
      const caller = authenticate(req, body)
      if (caller === "publishable" && !route.publishable)
        fail(401, "invalid_request_error", "This API call cannot be made with a publishable API key. Please use a secret API key.")
      return route.handle({ params: match.slice(1).map(decodeURIComponent), body, caller, emit })
    }
    return fail(404, "invalid_request_error", `Unrecognized request URL (${req.method}: ${path}).`)
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    res.setHeader("access-control-allow-origin", "*")
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
        // A literal `*` does not cover `Authorization`, so echo what the browser asks for.
        "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
        "access-control-max-age": "600",
      })
      return res.end()
    }
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? "/", "http://127.0.0.1")
    const body = toFormValue(parseForm(new URLSearchParams(Buffer.concat(chunks).toString("utf8")), parseForm(url.searchParams))) as FormBody
    requests.push({ method: req.method ?? "GET", path: url.pathname, body })

    const key = req.headers["idempotency-key"]
    const cacheKey = req.method === "POST" && typeof key === "string" ? `${key} ${url.pathname}` : null
    const headers = { "content-type": "application/json", "request-id": newId("req"), "stripe-version": req.headers["stripe-version"] ?? API_VERSION }
    const params = JSON.stringify(body)
    const replay = cacheKey ? idempotent.get(cacheKey) : undefined
    if (replay && replay.params === params) {
      res.writeHead(replay.status, { ...headers, "idempotent-replayed": "true", "idempotency-key": key as string })
      return res.end(replay.payload)
    }

    // Events wait for the response to be sent, and go even when the request ends in an error (a decline).
    const outbox: Array<{ event: StripeEvent; url: string }> = []
    const emit: Emit = (type, object) => { if (webhookUrl) outbox.push({ event: makeEvent(type, object), url: webhookUrl }) }
    let status = 200
    let result: object
    try {
      if (replay)
        fail(400, "idempotency_error", `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`)
      result = dispatch(req, url.pathname, body, emit)
    } catch (error) {
      const known = error instanceof StripeApiError
      status = known ? error.status : 500
      result = { error: known ? error.body : { type: "api_error", message: `Stand-in error: ${(error as Error).message}` } }
    }
    const payload = JSON.stringify(result, null, 2)
    if (cacheKey && !replay && status !== 401) idempotent.set(cacheKey, { params, status, payload })
    let flushed = false
    const flush = () => {
      if (!flushed) outbox.forEach(({ event, url }) => void deliver(event, url))
      flushed = true
    }
    res.once("finish", flush)
    res.once("close", flush) // even when the caller hung up first, the payment happened
    res.writeHead(status, headers)
    res.end(payload)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" })
      res.end(JSON.stringify({ error: { type: "api_error", message: error.message } }))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve())
  })
  const port = (server.address() as AddressInfo).port

  // ----- test helpers -----
  const chargeOf = (paymentIntentId: string): Charge => {
    const pi = intents.get(paymentIntentId)
    const charge = pi?.latest_charge ? charges.get(pi.latest_charge) : undefined
    if (!charge?.captured) throw new Error(`Stripe stand-in: PaymentIntent ${paymentIntentId} has no captured charge`)
    return charge
  }
  const sentByHelper = async <T>(run: (emit: Emit) => T): Promise<T> => {
    const sent: Array<Promise<number> | undefined> = []
    const result = run((type, object) => sent.push(emitNow(type, object)))
    await Promise.all(sent)
    return result
  }

  const signedEvent: StripeStandIn["signedEvent"] = (type, object, options) => {
    const event = makeEvent(type, object)
    const payload = JSON.stringify(event, null, 2)
    return { payload, header: signStripePayload(payload, options?.secret ?? webhookSecret), event }
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    webhookSecret,
    requests,
    deliveries,
    setWebhookUrl(url) {
      webhookUrl = url
    },
    paymentIntent: (id) => (intents.has(id) ? copy(intents.get(id)!) : undefined),
    paymentIntents: () => [...intents.values()].map(copy),
    charge: (id) => copy(charges.get(id)),
    succeedSilently(id) {
      const pi = intents.get(id)
      if (!pi) throw new Error(`Stripe stand-in: no PaymentIntent ${id}`)
      if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(pi.status))
        throw new Error(`Stripe stand-in: PaymentIntent ${id} cannot be paid: it has a status of ${pi.status}`)
      const pm = pi.payment_method ? methods.get(pi.payment_method)! : createPaymentMethod({ card: { number: "4242424242424242" } })
      return copy(settle(pi, pm, null))
    },
    signedEvent,
    async sendEvent(type, object, options) {
      if (!webhookUrl) throw new Error("Stripe stand-in: no webhook URL set")
      return deliver(makeEvent(type, object), webhookUrl, options?.secret ?? webhookSecret)
    },
    refundFromDashboard: (paymentIntentId, amount) =>
      sentByHelper((emit) => {
        const done = refund({ payment_intent: paymentIntentId, ...(amount === undefined ? {} : { amount: String(amount) }) }, emit)
        return copy(done)
      }),
    openDispute: (paymentIntentId, reason = "fraudulent") =>
      sentByHelper((emit) => {
        const charge = chargeOf(paymentIntentId)
        const dispute: Dispute = {
          id: newId("dp"), object: "dispute", created: now(), livemode: false, metadata: {},
          amount: charge.amount - charge.amount_refunded, // what the buyer is still out of
          charge: charge.id, payment_intent: paymentIntentId, currency: charge.currency, reason, status: "needs_response", is_charge_refundable: false,
          evidence_details: { due_by: now() + 7 * 24 * 3600, has_evidence: false, past_due: false, submission_count: 0 },
        }
        disputes.set(dispute.id, dispute)
        charge.disputed = true
        emit("charge.dispute.created", dispute)
        return copy(dispute)
      }),
    closeDispute: (disputeId, status) =>
      sentByHelper((emit) => {
        const dispute = disputes.get(disputeId)
        if (!dispute) throw new Error(`Stripe stand-in: no dispute ${disputeId}`)
        if (dispute.status !== "needs_response") throw new Error(`Stripe stand-in: dispute ${disputeId} is already ${dispute.status}`)
        dispute.status = status
        emit("charge.dispute.closed", dispute)
        return copy(dispute)
      }),
    async settled() {
      await queue
    },
    async stop() {
      await queue
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}
