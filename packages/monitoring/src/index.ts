/**
 * What an error report may carry. Both apps run every Sentry event (and breadcrumb) through
 * `scrubEvent` before it leaves the process, so no report holds a cookie, a session or download
 * token, a secret or an email address, whichever SDK integration put it there. What stays is
 * what an engineer needs: the error, the stack, the route and our own ids (order_…, cus_…).
 */

/**
 * What Sentry's SDKs accept as a DSN: `https://<key>@<host>/<project>`. Both apps validate their
 * DSN with it at start, because the SDKs turn a malformed one into silence, not an error.
 */
export const SENTRY_DSN_PATTERN = /^https?:\/\/\w+(:\w+)?@[\w.-]+(:\d+)?\/\w[\w/-]*$/

const REDACTED = "[redacted]"

/** Request headers a report keeps; every other header (cookies, authorization, IPs) is dropped. */
const KEPT_HEADERS = new Set(["accept", "content-type", "content-length", "host", "user-agent"])

/** Keys whose values never leave, whatever they hold (download_token, customerEmail, cookies, …). */
const SECRET_KEYS = [
  /^(set-)?cookies?$/i,
  /^authori[sz]ation$/i,
  /pass(word|wd)|secret|^jwt|^session|forwarded/i,
  /^ip(_address)?$/i,
  /(^|[_-])token$|[a-z]Token$|^token/,
  /(^|[_-])e-?mail(_address)?$|[a-z]Email$/i,
]
const isSecretKey = (key: string) => SECRET_KEYS.some((pattern) => pattern.test(key))

/** Values that look like something private, wherever they appear in a string. */
const SECRET_VALUES: Array<[RegExp, string]> = [
  // JWTs (our session cookie and Medusa's bearer tokens).
  [/eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, "[jwt]"],
  // Stripe secrets and client secrets, Resend keys.
  [/\b(?:sk|rk)_(?:test|live)_\w+/g, "[stripe-key]"],
  [/\bwhsec_\w+/g, "[webhook-secret]"],
  [/\b(?:pi|seti)_\w+_secret_\w+/g, "[client-secret]"],
  [/\bre_\w{8,}/g, "[resend-key]"],
  // Download tokens and any other UUID (our own ids are prefixed ULIDs and stay readable).
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "[token]"],
  // Email addresses.
  // (A top-level domain of letters: "pkg@2.21.2_" in a pnpm path is not an address.)
  [/[\w.!#$%&'*+/=?^`{|}~-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}(?![\w.-]*\d)\b/gi, "[email]"],
  // Bearer credentials and cookie pairs written into messages.
  [/\bBearer\s+\S+/gi, "Bearer [redacted]"],
  [/\b(_medusa_jwt|_vespertene_cart|connect\.sid)=[^;\s]+/g, "$1=[redacted]"],
  // Secrets carried in query strings (reset links, signed URLs).
  [/([?&](?:token|code|key|secret|password|email|X-Amz-Signature|X-Amz-Credential)=)[^&#\s"]+/gi, "$1[redacted]"],
]

export function scrubString(value: string): string {
  let out = value
  for (const [pattern, replacement] of SECRET_VALUES) out = out.replace(pattern, replacement)
  return out
}

function scrubValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return scrubString(value)
  if (value === null || typeof value !== "object") return value
  if (depth > 12 || seen.has(value)) return REDACTED
  seen.add(value)
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1, seen))
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretKey(key) && item != null && item !== "" ? REDACTED : scrubValue(item, depth + 1, seen)
  }
  return out
}

type Scrubbable = {
  user?: unknown
  request?: {
    url?: string
    cookies?: unknown
    headers?: Record<string, string>
    data?: unknown
    query_string?: unknown
    env?: unknown
  }
  [key: string]: unknown
}

/**
 * The event with everything private removed. Pure: returns a copy, so it can run in Sentry's
 * `beforeSend`, `beforeSendTransaction` and `beforeBreadcrumb` on server and browser alike.
 */
export function scrubEvent<T extends object>(event: T): T {
  const copy = { ...(event as Scrubbable) }
  // Who the customer is stays out of reports; the order id on the event is how we find them.
  delete copy.user
  if (copy.request) {
    const { url, headers } = copy.request
    copy.request = {
      ...copy.request,
      url: url?.replace(/[?#].*$/, ""),
      headers: headers
        ? Object.fromEntries(Object.entries(headers).filter(([name]) => KEPT_HEADERS.has(name.toLowerCase())))
        : headers,
    }
    delete copy.request.cookies
    delete copy.request.data
    delete copy.request.query_string
    delete copy.request.env
  }
  return scrubValue(copy, 0, new WeakSet<object>([event])) as T
}

/** Report settings both apps share: no default PII, and the scrubber on every way out. */
export const privacySafeOptions = {
  sendDefaultPii: false,
  beforeSend: <T extends object>(event: T) => scrubEvent(event),
  beforeSendTransaction: <T extends object>(event: T) => scrubEvent(event),
  beforeBreadcrumb: <T extends object>(breadcrumb: T) => scrubEvent(breadcrumb),
}
