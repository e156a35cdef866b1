/**
 * The one border between our integer minor units and Medusa's major-unit amounts.
 *
 * Medusa stores and returns prices in major units (19.99), sometimes as numbers, sometimes
 * as strings, and for computed totals as a BigNumber with more precision than the currency
 * has. Everything that crosses into or out of Medusa goes through these two functions.
 */
import { assertMinorUnits, parseDecimal, toDecimalString, type MinorUnits } from "./index"

/** What Medusa hands back for an amount: a number, a decimal string, or a serialised BigNumber. */
export type MedusaAmount = number | string | { value: string | number } | { numeric: number }

/** Medusa major units → our minor units, by the currency's digits, rounding half away from zero. */
export function fromMedusaAmount(amount: MedusaAmount, currency: string): MinorUnits {
  return parseDecimal(decimalString(amount), currency)
}

/** Our minor units → the major-unit number Medusa expects when creating prices. */
export function toMedusaAmount(amount: MinorUnits, currency: string): number {
  assertMinorUnits(amount)
  return Number(toDecimalString(amount, currency))
}

function decimalString(amount: MedusaAmount): string {
  if (typeof amount === "string") return amount
  if (typeof amount === "number") return numberToDecimalString(amount)
  if (amount && typeof amount === "object") {
    if ("value" in amount) return decimalString(amount.value)
    if ("numeric" in amount) return decimalString(amount.numeric)
  }
  throw new TypeError(`Not a Medusa amount: ${JSON.stringify(amount)}`)
}

function numberToDecimalString(amount: number): string {
  if (!Number.isFinite(amount)) throw new RangeError(`Not a finite amount: ${amount}`)
  const text = String(amount)
  if (!/e/i.test(text)) return text
  if (Math.abs(amount) >= 1e21) throw new RangeError(`Amount out of range: ${amount}`)
  // Tiny values print in exponent form (1e-7); toFixed spells them out.
  return amount.toFixed(20)
}
