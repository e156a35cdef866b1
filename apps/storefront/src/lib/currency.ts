/** Display of money goes through here: one formatter, integer minor units in (ADR 0004). */
export { formatMoney, DEFAULT_CURRENCY } from "@vespertene/money"
export type { MinorUnits } from "@vespertene/money"
