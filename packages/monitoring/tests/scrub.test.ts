import { describe, expect, it } from "vitest"
import { scrubEvent, scrubString } from "../src/index"

const token = "3f0c9a53-6a3e-4c58-9b7e-2d7f3c1e9a10"
const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJhY3Rvcl9pZCI6ImN1c18xIn0.c2lnbmF0dXJl"

describe("scrubEvent", () => {
  const event = {
    message: `Download ${token} failed for buyer@example.com`,
    exception: { values: [{ type: "Error", value: `presign failed: Bearer ${jwt} at https://r2/x?X-Amz-Signature=abc123&X-Amz-Expires=900` }] },
    user: { id: "cus_01", email: "buyer@example.com", ip_address: "203.0.113.9" },
    request: {
      method: "GET",
      url: `http://127.0.0.1:9000/store/downloads/${token}?email=buyer%40example.com`,
      query_string: "email=buyer%40example.com",
      cookies: { _medusa_jwt: jwt },
      data: { email: "buyer@example.com", password: "hunter22" },
      headers: { cookie: `_medusa_jwt=${jwt}`, authorization: `Bearer ${jwt}`, "x-forwarded-for": "203.0.113.9", "user-agent": "Chrome", host: "api.example" },
    },
    tags: { order_id: "order_01JABCDEF", area: "download" },
    extra: { customerEmail: "buyer@example.com", stripeKey: "sk_test_51abcDEF", note: "whsec_abc123 and pi_3Abc_secret_xyz" },
    breadcrumbs: [{ category: "http", data: { url: `/reset-password?token=${jwt}` } }],
  }

  it("drops cookies, tokens, secrets, emails and the user, and keeps the order id", () => {
    const scrubbed = scrubEvent(event)
    const text = JSON.stringify(scrubbed)
    for (const leak of [token, jwt, "buyer@example.com", "buyer%40example.com", "hunter22", "203.0.113.9", "sk_test_51abcDEF", "whsec_abc123", "pi_3Abc_secret_xyz", "abc123&"]) {
      expect(text).not.toContain(leak)
    }
    expect(scrubbed).not.toHaveProperty("user")
    expect(scrubbed.request).not.toHaveProperty("cookies")
    expect(scrubbed.request).not.toHaveProperty("data")
    expect(scrubbed.request.headers).toEqual({ "user-agent": "Chrome", host: "api.example" })
    expect(scrubbed.request.url).toBe("http://127.0.0.1:9000/store/downloads/[token]")
    expect(scrubbed.tags).toEqual({ order_id: "order_01JABCDEF", area: "download" })
    expect(scrubbed.message).toBe("Download [token] failed for [email]")
    expect(scrubbed.extra.customerEmail).toBe("[redacted]")
  })

  it("does not change the event it was given", () => {
    const before = JSON.stringify(event)
    scrubEvent(event)
    expect(JSON.stringify(event)).toBe(before)
  })

  it("survives cycles", () => {
    const cyclic: Record<string, unknown> = { message: "x" }
    cyclic.self = cyclic
    expect(scrubEvent(cyclic).self).toBe("[redacted]")
  })
})

describe("scrubString", () => {
  it("keeps package paths and versions readable in stack frames", () => {
    const frame = "/app/node_modules/.pnpm/@medusajs+framework@2.21.2_@medusajs+cli@2.21.2_@types+node@20.19.43/node_modules/x.js"
    expect(scrubString(frame)).toBe(frame)
    expect(scrubEvent({ modules: { jsonwebtoken: "9.0.2", "@vespertene/emails": "workspace:*" } })).toEqual({
      modules: { jsonwebtoken: "9.0.2", "@vespertene/emails": "workspace:*" },
    })
  })

  it("finds addresses in sentences, quotes and URLs", () => {
    expect(scrubString(`mail "a.b+shop@mail.example.com.au", then x@y.io.`)).toBe(`mail "[email]", then [email].`)
  })

  it("keeps ordinary text and our prefixed ids", () => {
    expect(scrubString("order_01JABCDEF for cus_01 failed at step grant")).toBe("order_01JABCDEF for cus_01 failed at step grant")
  })
})
