import { describe, expect, it } from "vitest"
import {
  exclusiveFromInclusive,
  gstFromInclusive,
  gstOnExclusive,
  inclusiveFromExclusive,
  percentToBasisPoints,
} from "../src/gst"

describe("GST contained in an inclusive price (1/11th)", () => {
  it.each([
    [1100, 100],
    [1999, 182], // 181.73
    [2999, 273], // 272.64
    [4900, 445], // 445.45
    [55, 5], // 5.0
    [16, 1], // 1.4545
    [17, 2], // 1.5454
    [0, 0],
    [-1999, -182],
  ])("%i → %i", (inclusive, gst) => {
    expect(gstFromInclusive(inclusive)).toBe(gst)
    expect(exclusiveFromInclusive(inclusive)).toBe(inclusive - gst)
  })

  it("rounds a half cent away from zero", () => {
    // 5 % of 10 cents exclusive = 0.5 → 1 (half away from zero)
    expect(gstOnExclusive(10, 500)).toBe(1)
    expect(gstOnExclusive(-10, 500)).toBe(-1)
  })

  it("is zero for a GST-free sale", () => {
    expect(gstFromInclusive(1999, 0)).toBe(0)
    expect(exclusiveFromInclusive(1999, 0)).toBe(1999)
  })
})

describe("GST on an exclusive price", () => {
  it.each([
    [1817, 182, 1999],
    [1000, 100, 1100],
    [1, 0, 1],
    [5, 1, 6], // 0.5 → 1
  ])("%i + GST %i = %i", (exclusive, gst, inclusive) => {
    expect(gstOnExclusive(exclusive)).toBe(gst)
    expect(inclusiveFromExclusive(exclusive)).toBe(inclusive)
  })

  it("splits and rebuilds every inclusive price up to $100 without losing a cent", () => {
    for (let inclusive = 0; inclusive <= 10_000; inclusive += 1) {
      const gst = gstFromInclusive(inclusive)
      expect(gst + exclusiveFromInclusive(inclusive)).toBe(inclusive)
      // The GST is within half a cent of the exact eleventh.
      expect(Math.abs(gst * 11 - inclusive)).toBeLessThanOrEqual(5.5)
    }
  })
})

describe("percentToBasisPoints", () => {
  it("reads Medusa's percentage rates", () => {
    expect(percentToBasisPoints(10)).toBe(1000)
    expect(percentToBasisPoints("12.5")).toBe(1250)
    expect(percentToBasisPoints(0)).toBe(0)
    expect(percentToBasisPoints("7.25")).toBe(725)
  })

  it("refuses what it cannot hold exactly", () => {
    expect(() => percentToBasisPoints("-1")).toThrow(RangeError)
    expect(() => percentToBasisPoints("1.234")).toThrow(RangeError)
    expect(() => gstFromInclusive(100, 10.5)).toThrow(RangeError)
  })
})
