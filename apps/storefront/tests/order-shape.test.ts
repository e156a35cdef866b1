import { describe, expect, it } from "vitest"
import { orderStatus, parsePage, reshapeOrder, type RawOrder } from "../src/lib/medusa/order-shape"

const raw: RawOrder = {
  id: "order_01",
  display_id: 42,
  created_at: "2026-11-23T19:13:56.687Z",
  currency_code: "aud",
  total: 62.09,
  tax_total: { value: "5.645454545454545454" },
  status: "pending",
  payment_status: "captured",
  items: [
    { id: "ordli_1", product_title: "Nightfall Texture Pack", title: "Standard licence", total: 17.99 },
    null,
    { id: "ordli_2", product_title: null, title: "Vesper Serif", total: "44.1" },
  ],
}

describe("reshapeOrder", () => {
  it("turns Medusa's major-unit amounts into integer cents and names lines by their product", () => {
    expect(reshapeOrder(raw)).toEqual({
      id: "order_01",
      displayId: 42,
      createdAt: "2026-11-23T19:13:56.687Z",
      currency: "AUD",
      total: 6209,
      tax: 565,
      refunded: 0,
      status: "paid",
      items: [
        { id: "ordli_1", title: "Nightfall Texture Pack", total: 1799 },
        { id: "ordli_2", title: "Vesper Serif", total: 4410 },
      ],
    })
  })

  it("reads an export (no GST) and an order without lines", () => {
    const order = reshapeOrder({ ...raw, currency_code: "aud", total: 9.08, tax_total: 0, items: undefined })
    expect(order).toMatchObject({ total: 908, tax: 0, items: [] })
  })

  it("keeps what the order cost after a refund, and says how much went back", () => {
    // Medusa 2.21 after a full refund: a credit line takes `total` to 0; the summary keeps both sides.
    const refunded = reshapeOrder({
      ...raw,
      total: 0,
      payment_status: "refunded",
      summary: { original_order_total: 62.09, refunded_total: { value: "62.09" } },
    })
    expect(refunded).toMatchObject({ total: 6209, refunded: 6209, tax: 565, status: "refunded" })
  })
})

describe("orderStatus", () => {
  it.each([
    ["captured", "pending", "paid"],
    ["authorized", "pending", "paid"],
    ["partially_captured", "completed", "paid"],
    ["partially_refunded", "pending", "partly refunded"],
    ["refunded", "pending", "refunded"],
    ["not_paid", "pending", "awaiting payment"],
    ["requires_action", "pending", "awaiting payment"],
    ["canceled", "pending", "cancelled"],
    ["captured", "canceled", "cancelled"],
  ])("payment %s on a %s order reads as %s", (payment_status, status, expected) => {
    expect(orderStatus({ payment_status, status })).toBe(expected)
  })
})

describe("parsePage", () => {
  it("reads whole page numbers from 1, and no parameter as the first page", () => {
    expect(parsePage(undefined)).toBe(1)
    expect(parsePage("1")).toBe(1)
    expect(parsePage("12")).toBe(12)
  })

  it.each([["0"], ["-1"], ["1.5"], ["abc"], ["01"], [""], ["9999999"], [["1", "2"]]])("refuses %j", (value) => {
    expect(parsePage(value as string | string[])).toBeNull()
  })
})
