/**
 * Australian GST on integer minor units. Rates are basis points (10 % = 1000) so that
 * no float touches the arithmetic; results round half away from zero to the cent, as the
 * ATO's rounding rule for a tax invoice does.
 */
import { assertMinorUnits, type MinorUnits } from "./index"

export const AU_GST_BASIS_POINTS = 1000
/** The same rate as Medusa's tax module holds it: a percentage. */
export const AU_GST_PERCENT = AU_GST_BASIS_POINTS / 100

const BP = 10_000n

/** The GST contained in a GST-inclusive amount: 1999 → 182 (1999 / 11 = 181.7). */
export function gstFromInclusive(inclusive: MinorUnits, rateBasisPoints = AU_GST_BASIS_POINTS): MinorUnits {
  assertMinorUnits(inclusive, "inclusive")
  const rate = basisPoints(rateBasisPoints)
  return roundDiv(BigInt(inclusive) * rate, BP + rate)
}

/** The GST-exclusive part of a GST-inclusive amount: 1999 → 1817. */
export function exclusiveFromInclusive(inclusive: MinorUnits, rateBasisPoints = AU_GST_BASIS_POINTS): MinorUnits {
  return inclusive - gstFromInclusive(inclusive, rateBasisPoints)
}

/** GST charged on a GST-exclusive amount: 1817 → 182. */
export function gstOnExclusive(exclusive: MinorUnits, rateBasisPoints = AU_GST_BASIS_POINTS): MinorUnits {
  assertMinorUnits(exclusive, "exclusive")
  return roundDiv(BigInt(exclusive) * basisPoints(rateBasisPoints), BP)
}

/** A GST-exclusive amount with GST added: 1817 → 1999. */
export function inclusiveFromExclusive(exclusive: MinorUnits, rateBasisPoints = AU_GST_BASIS_POINTS): MinorUnits {
  return exclusive + gstOnExclusive(exclusive, rateBasisPoints)
}

/** A percentage as Medusa's tax rates hold it (10, 12.5) → basis points (1000, 1250). */
export function percentToBasisPoints(percent: number | string): number {
  const text = String(percent).trim()
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text)
  if (!match) throw new RangeError(`"${text}" is not a tax rate in percent with at most two decimals`)
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"))
}

function basisPoints(rate: number): bigint {
  if (!Number.isSafeInteger(rate) || rate < 0) {
    throw new RangeError(`A rate must be a non-negative integer of basis points, got ${rate}`)
  }
  return BigInt(rate)
}

/** n / d rounded half away from zero, for d > 0. */
function roundDiv(n: bigint, d: bigint): number {
  const negative = n < 0n
  const abs = negative ? -n : n
  const q = (2n * abs + d) / (2n * d)
  const result = Number(negative ? -q : q)
  return Object.is(result, -0) ? 0 : result
}
