import Medusa from "@medusajs/js-sdk"

/** The admin's client for our own admin routes: same origin, the staff member's session. */
export const sdk = new Medusa({
  baseUrl: "/",
  auth: { type: "session" },
})
