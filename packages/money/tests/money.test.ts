import { describe, expect, it } from "vitest"
import {
  assertMinorUnits,
  currencyDigits,
  formatMoney,
  parseDecimal,
  sumMinorUnits,
  toDecimalString,
} from "../src/index"

describe("currencyDigits", () => {
  it("reads the ISO 4217 minor-unit digits", () => {
    expect(currencyDigits("AUD")).toBe(2)
    expect(currencyDigits("aud")).toBe(2)
    expect(currencyDigits("JPY")).toBe(0)
    expect(currencyDigits("KRW")).toBe(0)
    expect(currencyDigits("KWD")).toBe(3)
  })

  it("refuses what is not a currency code", () => {
    expect(() => currencyDigits("dollars")).toThrow(/ISO 4217/)
    expect(() => currencyDigits("")).toThrow(/ISO 4217/)
  })
})

describe("toDecimalString", () => {
  it.each([
    [1999, "AUD", "19.99"],
    [5, "AUD", "0.05"],
    [0, "AUD", "0.00"],
    [-5, "AUD", "-0.05"],
    [100000, "AUD", "1000.00"],
    [500, "JPY", "500"],
    [1234, "KWD", "1.234"],
  ])("%i %s → %s", (amount, currency, expected) => {
    expect(toDecimalString(amount, currency)).toBe(expected)
  })

  it("refuses floats", () => {
    expect(() => toDecimalString(19.99, "AUD")).toThrow(/integer/)
  })
})

describe("parseDecimal", () => {
  it.each([
    ["19.99", "AUD", 1999],
    ["19.9", "AUD", 1990],
    ["19", "AUD", 1900],
    [".5", "AUD", 50],
    ["0.005", "AUD", 1],
    ["0.0049", "AUD", 0],
    ["1.815", "AUD", 182],
    ["-1.815", "AUD", -182],
    ["-0.001", "AUD", 0],
    ["500", "JPY", 500],
    ["499.5", "JPY", 500],
    ["1.2345", "KWD", 1235],
  ])("%s %s → %i", (value, currency, expected) => {
    expect(parseDecimal(value, currency)).toBe(expected)
  })

  it("refuses what is not a decimal", () => {
    for (const bad of ["", ".", "1,99", "abc", "1.2.3", "1e3"]) {
      expect(() => parseDecimal(bad, "AUD")).toThrow(RangeError)
    }
  })

  it("refuses amounts beyond safe integers", () => {
    expect(() => parseDecimal("900719925474099.92", "AUD")).toThrow(/too large/)
  })

  it("round-trips every cent of a range exactly", () => {
    for (let cents = -2000; cents <= 2000; cents += 1) {
      expect(parseDecimal(toDecimalString(cents, "AUD"), "AUD")).toBe(cents)
    }
  })
})

describe("formatMoney", () => {
  it("formats AUD for Australians by default", () => {
    expect(formatMoney(1999)).toBe("$19.99")
    expect(formatMoney(0)).toBe("$0.00")
    expect(formatMoney(123456789)).toBe("$1,234,567.89")
  })

  it("formats other currencies by their own digits", () => {
    expect(formatMoney(500, "JPY", "en-AU")).toBe("JPY\u00a0500")
    expect(formatMoney(1999, "AUD", "en-US")).toBe("A$19.99")
  })

  it("formats an amount too large for a float's cents exactly", () => {
    // 90071992547409.91 has no exact double; the string path keeps every digit.
    expect(formatMoney(Number.MAX_SAFE_INTEGER)).toBe("$90,071,992,547,409.91")
  })
})

describe("assertMinorUnits and sumMinorUnits", () => {
  it("accept integers and refuse everything else", () => {
    expect(() => assertMinorUnits(1999)).not.toThrow()
    expect(() => assertMinorUnits(19.99)).toThrow(TypeError)
    expect(() => assertMinorUnits("1999")).toThrow(TypeError)
    expect(() => assertMinorUnits(Number.NaN)).toThrow(TypeError)
  })

  it("sums exactly where floats would not", () => {
    expect(0.1 + 0.2).not.toBe(0.3)
    expect(sumMinorUnits([10, 20])).toBe(30)
    expect(() => sumMinorUnits([10, 0.5])).toThrow(TypeError)
  })
})
