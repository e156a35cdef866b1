/**
 * Money in Vespertene code is always an integer count of a currency's minor units
 * (ADR-004): 1999 is A$19.99, 500 is ¥500. Nothing here multiplies or divides floats.
 */

/** An integer amount in a currency's minor units (cents for AUD). */
export type MinorUnits = number

export const DEFAULT_CURRENCY = "AUD"
export const DEFAULT_LOCALE = "en-AU"

const digitsCache = new Map<string, number>()

/** Throws unless `amount` is a safe integer: the only shape money takes in our code. */
export function assertMinorUnits(amount: unknown, label = "amount"): asserts amount is MinorUnits {
  if (typeof amount !== "number" || !Number.isSafeInteger(amount)) {
    throw new TypeError(`${label} must be an integer number of minor units, got ${String(amount)}`)
  }
}

/** ISO 4217 minor-unit digits of a currency (AUD 2, JPY 0, KWD 3), from the runtime's ICU data. */
export function currencyDigits(currency: string): number {
  const code = normaliseCurrency(currency)
  let digits = digitsCache.get(code)
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions()
      .maximumFractionDigits as number
    digitsCache.set(code, digits)
  }
  return digits
}

export function normaliseCurrency(currency: string): string {
  const code = currency.trim().toUpperCase()
  if (!/^[A-Z]{3}$/.test(code)) {
    throw new RangeError(`"${currency}" is not an ISO 4217 currency code`)
  }
  return code
}

/** Minor units as an exact decimal string in major units: (1999, "AUD") → "19.99", (-5, "AUD") → "-0.05". */
export function toDecimalString(amount: MinorUnits, currency: string): string {
  assertMinorUnits(amount)
  const digits = currencyDigits(currency)
  const sign = amount < 0 ? "-" : ""
  const abs = String(Math.abs(amount))
  if (digits === 0) return sign + abs
  const padded = abs.padStart(digits + 1, "0")
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`
}

/**
 * Parses a decimal string in major units into minor units, rounding half away from zero
 * beyond the currency's digits: ("19.99", "AUD") → 1999, ("1.815", "AUD") → 182.
 */
export function parseDecimal(value: string, currency: string): MinorUnits {
  const match = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(value)
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) {
    throw new RangeError(`"${value}" is not a decimal amount`)
  }
  const [, sign = "", whole = "", fraction = ""] = match
  const digits = currencyDigits(currency)
  const kept = fraction.slice(0, digits).padEnd(digits, "0")
  const roundUp = (fraction.charCodeAt(digits) || 0) >= 53 // next digit >= "5"
  let units = BigInt((whole || "0") + kept)
  if (roundUp) units += 1n
  if (units > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`"${value}" is too large to be held as minor units`)
  }
  const result = Number(units)
  return sign === "-" && result !== 0 ? -result : result
}

/** Formats minor units for people: (1999) → "$19.99" in en-AU. */
export function formatMoney(
  amount: MinorUnits,
  currency: string = DEFAULT_CURRENCY,
  locale: string = DEFAULT_LOCALE,
): string {
  const code = normaliseCurrency(currency)
  const digits = currencyDigits(code)
  const formatter = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: code,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
  // Intl formats a decimal string exactly; no float ever stands for the amount.
  return formatter.format(toDecimalString(amount, code) as Intl.StringNumericLiteral)
}

/** Sums amounts, refusing anything that is not minor units. */
export function sumMinorUnits(amounts: readonly MinorUnits[]): MinorUnits {
  let total = 0
  for (const amount of amounts) {
    assertMinorUnits(amount)
    total += amount
  }
  assertMinorUnits(total, "total")
  return total
}
