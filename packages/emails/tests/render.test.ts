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
