import { SignJWT } from "jose"
import { describe, expect, it } from "vitest"
import { safeNextPath, verifySessionToken } from "../src/lib/session-token"

const secret = "0123456789abcdef0123456789abcdef"
const sign = (claims: Record<string, unknown>, key = secret, expiresIn = "1h") =>
  new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuedAt().setExpirationTime(expiresIn).sign(new TextEncoder().encode(key))

describe("verifySessionToken", () => {
  it("accepts a customer's token signed with the backend's secret", async () => {
    const token = await sign({ actor_type: "customer", actor_id: "cus_1" })
    const session = await verifySessionToken(token, secret)
    expect(session?.customerId).toBe("cus_1")
    expect(session!.expiresAt).toBeGreaterThan(Date.now())
  })

  it("refuses forged, expired, foreign and unfinished tokens", async () => {
    expect(await verifySessionToken(await sign({ actor_type: "customer", actor_id: "cus_1" }, "another-secret-another-secret-00"), secret)).toBeNull()
    expect(await verifySessionToken(await sign({ actor_type: "customer", actor_id: "cus_1" }, secret, "-1s"), secret)).toBeNull()
    expect(await verifySessionToken(await sign({ actor_type: "user", actor_id: "user_1" }), secret)).toBeNull()
    // A registration token has no customer yet; a reset token is not a session.
    expect(await verifySessionToken(await sign({ actor_type: "customer", actor_id: "" }), secret)).toBeNull()
    expect(await verifySessionToken(await sign({ actor_type: "customer", actor_id: "cus_1", purpose: "reset" }), secret)).toBeNull()
    expect(await verifySessionToken("not.a.token", secret)).toBeNull()
    expect(await verifySessionToken(undefined, secret)).toBeNull()
  })
})

describe("safeNextPath", () => {
  it("follows paths on this site only", () => {
    expect(safeNextPath("/account")).toBe("/account")
    expect(safeNextPath("/account/downloads?x=1")).toBe("/account/downloads?x=1")
    for (const outside of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", undefined, ["/a"]]) {
      expect(safeNextPath(outside)).toBe("/account")
    }
  })
})
