import { describe, expect, it } from "vitest"
import { isEmailTemplate, renderEmail } from "../src/index"

describe("renderEmail", () => {
  it("renders a customer password reset with its link in both HTML and plain text", async () => {
    const resetUrl = "https://shop.example/reset-password?token=abc.def&email=ada%40example.com"
    const email = await renderEmail("password-reset", { resetUrl, audience: "customer", expiresInMinutes: 15 })
    expect(email.subject).toBe("Reset your Vespertene password")
    expect(email.html).toMatch(/^<!DOCTYPE html/)
    expect(email.html).toContain(`href="${resetUrl.replace(/&/g, "&amp;")}"`)
    expect(email.text).toContain(resetUrl)
    expect(email.text).toContain("15 minutes")
    expect(email.text).not.toMatch(/<[a-z]/i)
  })

  it("words the staff reset for the admin", async () => {
    const email = await renderEmail("password-reset", {
      resetUrl: "https://api.example/app/reset-password?token=t",
      audience: "staff",
      expiresInMinutes: 15,
    })
    expect(email.subject).toBe("Reset your Vespertene admin password")
    expect(email.text).toContain("the Vespertene admin")
  })

  it("renders a staff invitation with its accept link", async () => {
    const acceptUrl = "https://api.example/app/invite?token=xyz"
    const email = await renderEmail("staff-invite", { acceptUrl, expiresAt: null })
    expect(email.subject).toContain("invited")
    expect(email.html).toContain(acceptUrl)
    expect(email.text).toContain(acceptUrl)
  })

  it("greets a new customer by name, and without one", async () => {
    const named = await renderEmail("customer-welcome", { firstName: "Ada", shopUrl: "https://s/", accountUrl: "https://s/account" })
    // Plain text sets headings in capitals.
    expect(named.text).toMatch(/welcome, ada/i)
    const anonymous = await renderEmail("customer-welcome", { firstName: null, shopUrl: "https://s/", accountUrl: "https://s/account" })
    expect(anonymous.text).toMatch(/welcome/i)
    expect(anonymous.text).not.toMatch(/welcome,/i)
  })

  it("escapes what it is given", async () => {
    const email = await renderEmail("customer-welcome", { firstName: "<script>x</script>", shopUrl: "https://s/", accountUrl: "https://s/a" })
    expect(email.html).not.toContain("<script>x</script>")
  })

  it("knows its template names", () => {
    expect(isEmailTemplate("password-reset")).toBe(true)
    expect(isEmailTemplate("toString")).toBe(false)
  })
})

describe("the order confirmation", () => {
  it("lists each download link and the AUD totals with GST from integer cents", async () => {
    const email = await renderEmail("order-confirmation", {
      displayId: 1042,
      currency: "AUD",
      items: [{ title: "Nightfall Texture Pack", total: 1999 }],
      total: 1999,
      tax: 182,
      downloads: [{ title: "Nightfall Texture Pack", url: "https://shop.example/downloads/3f1c0d1e-8b7a-4c55-9d0e-1a2b3c4d5e6f" }],
      downloadsUrl: "https://shop.example/account/downloads",
      orderUrl: "https://shop.example/account/orders/order_01ABC",
    })
    expect(email.subject).toBe("Your Vespertene order #1042: downloads ready")
    expect(email.text).toContain("This order and its receipt: https://shop.example/account/orders/order_01ABC")
    expect(email.text).toContain("https://shop.example/downloads/3f1c0d1e-8b7a-4c55-9d0e-1a2b3c4d5e6f")
    expect(email.text).toContain("$19.99")
    expect(email.text).toContain("$1.82")
    expect(email.html).toContain("https://shop.example/downloads/3f1c0d1e-8b7a-4c55-9d0e-1a2b3c4d5e6f")
  })

  it("says an export carries no GST", async () => {
    const email = await renderEmail("order-confirmation", {
      displayId: 7,
      currency: "AUD",
      items: [{ title: "Vesper Serif", total: 4455 }],
      total: 4455,
      tax: 0,
      downloads: [],
      downloadsUrl: "https://shop.example/account/downloads",
      orderUrl: "https://shop.example/account/orders/order_01XYZ",
    })
    expect(email.text).toContain("none (export)")
  })
})

describe("refund and dispute notices", () => {
  it("states a partial refund, the total so far and which downloads stop working", async () => {
    const email = await renderEmail("refund-notice", {
      displayId: 12,
      currency: "AUD",
      amount: 1999,
      refundedTotal: 1999,
      orderTotal: 6899,
      revokedTitles: ["Nightfall Texture Pack"],
      accountUrl: "https://shop.example/account",
    })
    expect(email.subject).toBe("Refund for your Vespertene order #12")
    expect(email.text).toContain("$19.99 of $68.99 is refunded so far")
    expect(email.text).toContain("The download for Nightfall Texture Pack no longer works")
  })

  it("says when the whole order is refunded", async () => {
    const email = await renderEmail("refund-notice", {
      displayId: 3,
      currency: "AUD",
      amount: 4900,
      refundedTotal: 4900,
      orderTotal: 4900,
      revokedTitles: ["A", "B"],
      accountUrl: "https://shop.example/account",
    })
    expect(email.text).toContain("the whole order is refunded")
    expect(email.text).toContain("The downloads for A, B no longer work.")
  })

  it("tells the buyer a dispute pauses their downloads", async () => {
    const email = await renderEmail("dispute-notice", {
      displayId: 5,
      currency: "AUD",
      amount: 2999,
      revokedTitles: ["Vesper Serif"],
      accountUrl: "https://shop.example/account",
    })
    expect(email.subject).toContain("payment disputed")
    expect(email.text).toContain("$29.99 payment for order #5")
    expect(email.text).toContain("Vesper Serif are paused")
  })
})
