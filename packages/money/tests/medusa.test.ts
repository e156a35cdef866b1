import { describe, expect, it } from "vitest"
import { fromMedusaAmount, toMedusaAmount } from "../src/medusa"

describe("fromMedusaAmount (Medusa → minor units)", () => {
  it.each([
    [19.99, "aud", 1999],
    ["19.99", "aud", 1999],
    [0.1 + 0.2, "aud", 30],
    [1.1 * 3, "aud", 330],
    [18.172727272727272, "aud", 1817],
    [1.8172727272727274, "aud", 182],
    [0, "aud", 0],
    [-12.5, "aud", -1250],
    [1e-7, "aud", 0],
    [500, "jpy", 500],
    ["500", "JPY", 500],
    [499.5, "jpy", 500],
  ])("%s %s → %i", (amount, currency, expected) => {
    expect(fromMedusaAmount(amount, currency)).toBe(expected)
  })

  it("reads a serialised BigNumber", () => {
    expect(fromMedusaAmount({ value: "19.99" }, "aud")).toBe(1999)
    expect(fromMedusaAmount({ value: "181.727272727272727" }, "aud")).toBe(18173)
    expect(fromMedusaAmount({ numeric: 19.99 }, "aud")).toBe(1999)
  })

  it("refuses what is not an amount", () => {
    expect(() => fromMedusaAmount(Number.NaN, "aud")).toThrow(RangeError)
    expect(() => fromMedusaAmount(Infinity, "aud")).toThrow(RangeError)
    expect(() => fromMedusaAmount({} as never, "aud")).toThrow(TypeError)
    expect(() => fromMedusaAmount("nineteen", "aud")).toThrow(RangeError)
  })
})

describe("toMedusaAmount (minor units → Medusa)", () => {
  it.each([
    [1999, "aud", 19.99],
    [5, "aud", 0.05],
    [100000, "aud", 1000],
    [-1250, "aud", -12.5],
    [500, "jpy", 500],
    [1234, "kwd", 1.234],
  ])("%i %s → %s", (amount, currency, expected) => {
    expect(toMedusaAmount(amount, currency)).toBe(expected)
  })

  it("refuses floats instead of guessing", () => {
    expect(() => toMedusaAmount(19.99, "aud")).toThrow(TypeError)
  })

  it("round-trips through Medusa for every AUD cent up to $1,000 and every yen up to ¥100,000", () => {
    for (let cents = 0; cents <= 100_000; cents += 1) {
      if (fromMedusaAmount(toMedusaAmount(cents, "aud"), "aud") !== cents) {
        throw new Error(`AUD round trip lost ${cents}`)
      }
      if (fromMedusaAmount(toMedusaAmount(cents, "jpy"), "jpy") !== cents) {
        throw new Error(`JPY round trip lost ${cents}`)
      }
    }
  })
})
