import { describe, expect, it } from "vitest"
import { formatFileSize, reshapeProduct, type RawStoreProduct } from "../src/lib/medusa/reshape"

const raw = (overrides: Partial<NonNullable<RawStoreProduct["variants"]>[number]> = {}): RawStoreProduct => ({
  id: "prod_1",
  handle: "nightfall-texture-pack",
  title: "Nightfall Texture Pack",
  subtitle: "24 textures",
  description: "Dark textures.",
  thumbnail: "https://images.example/nightfall.png",
  variants: [
    {
      id: "variant_1",
      calculated_price: {
        calculated_amount: 19.99,
        calculated_amount_with_tax: 19.99,
        calculated_amount_without_tax: 18.172727272727272,
        currency_code: "aud",
        is_calculated_price_tax_inclusive: true,
      },
      digital_file: { file_name: "nightfall.zip", size: 340788, content_type: "application/zip" },
      ...overrides,
    },
  ],
})

describe("reshapeProduct", () => {
  it("turns Medusa's major-unit, GST-inclusive price into integer cents with its GST", () => {
    const product = reshapeProduct(raw())
    expect(product.price).toEqual({ amount: 1999, currency: "AUD", gst: 182, taxInclusive: true })
    expect(product.variantId).toBe("variant_1")
  })

  it("shows no GST for a GST-free price", () => {
    const product = reshapeProduct(
      raw({
        calculated_price: {
          calculated_amount: 18.17,
          calculated_amount_with_tax: 18.17,
          calculated_amount_without_tax: 18.17,
          currency_code: "aud",
          is_calculated_price_tax_inclusive: false,
        },
      }),
    )
    expect(product.price).toEqual({ amount: 1817, currency: "AUD", gst: 0, taxInclusive: false })
  })

  it("reads a price without a tax context as it is", () => {
    const product = reshapeProduct(raw({ calculated_price: { calculated_amount: "49", currency_code: "aud" } }))
    expect(product.price).toEqual({ amount: 4900, currency: "AUD", gst: 0, taxInclusive: false })
  })

  it("has no price rather than a wrong one when Medusa sends none", () => {
    expect(reshapeProduct(raw({ calculated_price: null })).price).toBeNull()
    expect(reshapeProduct({ ...raw(), variants: [] }).price).toBeNull()
  })

  it("describes the file a buyer gets", () => {
    expect(reshapeProduct(raw()).file).toEqual({ name: "nightfall.zip", sizeBytes: 340788, format: "ZIP" })
    expect(
      reshapeProduct(raw({ digital_file: { file_name: "charts.pdf", size: { value: "2048" }, content_type: "application/pdf" } })).file,
    ).toEqual({ name: "charts.pdf", sizeBytes: 2048, format: "PDF" })
    expect(reshapeProduct(raw({ digital_file: null })).file).toBeNull()
  })

  it("refuses a size that is not a byte count", () => {
    expect(() =>
      reshapeProduct(raw({ digital_file: { file_name: "x.zip", size: -1, content_type: "application/zip" } })),
    ).toThrow(RangeError)
  })

  it("keeps absent text absent", () => {
    const product = reshapeProduct({ ...raw(), subtitle: "", description: null, thumbnail: null })
    expect(product.subtitle).toBeNull()
    expect(product.description).toBeNull()
    expect(product.image).toBeNull()
  })
})

describe("formatFileSize", () => {
  it.each([
    [0, "0 B"],
    [999, "999 B"],
    [1000, "1.0 kB"],
    [340788, "341 kB"],
    [1_500_000, "1.5 MB"],
    [3_221_225_472, "3.2 GB"],
  ])("%i → %s", (bytes, expected) => {
    expect(formatFileSize(bytes)).toBe(expected)
  })

  it("refuses nonsense", () => {
    expect(() => formatFileSize(-1)).toThrow(RangeError)
    expect(() => formatFileSize(Number.NaN)).toThrow(RangeError)
  })
})
