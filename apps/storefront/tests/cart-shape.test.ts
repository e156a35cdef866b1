import { describe, expect, it } from "vitest"
import { reshapeCart, splitName, type RawCart } from "../src/lib/medusa/cart-shape"

const raw: RawCart = {
  id: "cart_01",
  email: "ada@example.com",
  customer_id: "cus_01",
  region_id: "reg_au",
  currency_code: "aud",
  original_item_total: 68.99,
  discount_total: "6.9",
  tax_total: { value: "5.645454545454545454" },
  total: 62.09,
  billing_address: { first_name: "Ada", last_name: "Lovelace", country_code: "au" },
  promotions: [{ code: "LAUNCH10" }, null],
  items: [
    { id: "cali_1", variant_id: "variant_1", product_title: "Nightfall Texture Pack", product_handle: "nightfall", thumbnail: null, total: 17.99 },
    null,
    { id: "cali_2", variant_id: "variant_2", title: "Vesper Serif", total: "44.1" },
  ],
}

describe("reshapeCart", () => {
  it("turns Medusa's major-unit amounts into integer cents, rounding computed totals", () => {
    const cart = reshapeCart(raw)
    expect(cart).toMatchObject({ currency: "AUD", subtotal: 6899, discount: 690, tax: 565, total: 6209 })
    expect(cart.lines.map((l) => [l.title, l.total])).toEqual([
      ["Nightfall Texture Pack", 1799],
      ["Vesper Serif", 4410],
    ])
  })

  it("reads the buyer's country and name from the billing address and the applied codes", () => {
    const cart = reshapeCart(raw)
    expect(cart.countryCode).toBe("au")
    expect(cart.billingName).toBe("Ada Lovelace")
    expect(cart.promoCodes).toEqual(["LAUNCH10"])
  })

  it("treats missing totals as zero and falls back to the shipping country", () => {
    const cart = reshapeCart({ id: "cart_2", region_id: "r", currency_code: "aud", shipping_address: { country_code: "nz" } })
    expect(cart).toMatchObject({ subtotal: 0, total: 0, tax: 0, lines: [], countryCode: "nz", billingName: "", promoCodes: [] })
  })
})

describe("splitName", () => {
  it("keeps the last word as the last name", () => {
    expect(splitName("  Grace  Brewster Hopper ")).toEqual({ first_name: "Grace Brewster", last_name: "Hopper" })
    expect(splitName("Cher")).toEqual({ first_name: "Cher", last_name: "" })
  })
})
