import jwt from "jsonwebtoken"
import { describe, expect, it } from "vitest"
import { customerClaims, jwtSettings } from "../src/lib/customer-token"

const secret = "t".repeat(48)
const http = jwtSettings(secret)
const customer = { actor_id: "cus_1", actor_type: "customer", auth_identity_id: "authid_1" }
// Signed the way Medusa signs: jwtSecret (the string) with jwtOptions.
const sign = (claims: object, key: string = secret, algorithm: jwt.Algorithm = "HS256") =>
  `Bearer ${jwt.sign(claims, key, { algorithm, expiresIn: "1d" })}`

describe("customer tokens", () => {
  it("verifies a customer's token signed with the secret", () => {
    expect(customerClaims<{ actor_id: string }>(sign(customer), http)?.actor_id).toBe("cus_1")
  })

  it("refuses a token signed with another secret, another algorithm, or for another actor", () => {
    expect(customerClaims(sign(customer, "o".repeat(48)), http)).toBeNull()
    expect(customerClaims(sign(customer, secret, "HS512"), http)).toBeNull()
    expect(customerClaims(sign({ ...customer, actor_type: "user" }), http)).toBeNull()
  })

  it("refuses an unsigned token and anything that is not a bearer token", () => {
    const unsigned = jwt.sign(customer, "", { algorithm: "none" })
    expect(customerClaims(`Bearer ${unsigned}`, http)).toBeNull()
    expect(customerClaims(undefined, http)).toBeNull()
    expect(customerClaims(sign(customer).replace("Bearer", "Basic"), http)).toBeNull()
  })

  it("refuses an expired token", () => {
    const expired = jwt.sign({ ...customer, exp: Math.floor(Date.now() / 1000) - 60 }, secret, { algorithm: "HS256" })
    expect(customerClaims(`Bearer ${expired}`, http)).toBeNull()
  })
})
