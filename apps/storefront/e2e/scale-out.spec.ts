import { expect, test } from "@playwright/test"
import { execFileSync } from "node:child_process"
import { uniqueEmail } from "./fixtures/accounts"
import { SEEDED } from "./fixtures/catalogue"
import { placeOrder, registerCustomer } from "./fixtures/orders"

/**
 * Production's scale-out shape, started by the e2e lane from the same production build: a server
 * process (HTTP only, MEDUSA_WORKER_MODE=server) and a worker process (subscribers and jobs), both
 * connected through PgBouncer in transaction mode and sharing Redis.
 */
const server = () => process.env.E2E_SCALE_SERVER_URL ?? ""
const headers = (token?: string) => ({
  "content-type": "application/json",
  "x-publishable-api-key": process.env.E2E_PUBLISHABLE_KEY ?? "",
  ...(token ? { authorization: `Bearer ${token}` } : {}),
})

test.describe("scale-out: server and worker processes on Redis, through PgBouncer", () => {
  test("an order placed through the server process gets its download and its email from the worker process", async () => {
    expect(server()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const ready = await fetch(`${server()}/ready`)
    expect(await ready.json()).toEqual({ status: "ready", checks: { database: "ok", bucket: "ok", redis: "ok" } })
    const email = uniqueEmail("scale")
    const password = "scale-out-password-1"
    await registerCustomer(email, password, server())
    const orderId = await placeOrder(email, password, SEEDED[4].handle, server())

    const login = await fetch(`${server()}/auth/customer/emailpass`, { method: "POST", headers: headers(), body: JSON.stringify({ email, password }) })
    const { token } = (await login.json()) as { token: string }
    // The server runs no subscribers: the entitlement can only come from the worker, through Redis.
    await expect
      .poll(
        async () => {
          const res = await fetch(`${server()}/store/customers/me/downloads`, { headers: headers(token) })
          const { downloads } = (await res.json()) as { downloads: Array<{ order_id: string; product_title: string }> }
          return downloads.map((d) => [d.order_id, d.product_title])
        },
        { timeout: 30_000, intervals: [250] },
      )
      .toEqual([[orderId, SEEDED[4].title]])
    await expect
      .poll(
        async () => {
          const res = await fetch(`${server()}/dev/outbox?format=json&to=${encodeURIComponent(email)}`)
          const { emails } = (await res.json()) as { emails: Array<{ subject: string }> }
          return emails.filter((e) => /Your Vespertene order #\d+/.test(e.subject)).length
        },
        { timeout: 30_000, intervals: [250] },
      )
      .toBe(1)
  })

  test("staff sessions are kept in Redis, where every server process finds them", async () => {
    const credentials = { email: process.env.E2E_ADMIN_EMAIL, password: process.env.E2E_ADMIN_PASSWORD }
    const login = await fetch(`${server()}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(credentials) })
    const { token } = (await login.json()) as { token: string }
    const session = await fetch(`${server()}/auth/session`, { method: "POST", headers: { authorization: `Bearer ${token}` } })
    expect(session.status).toBe(200)
    const cookie = session.headers.get("set-cookie")?.split(";")[0]
    expect(cookie).toMatch(/^connect\.sid=/)
    const me = await fetch(`${server()}/admin/users/me`, { headers: { cookie: cookie! } })
    expect(me.status).toBe(200)
    const keys = execFileSync("redis-cli", ["-p", new URL(process.env.E2E_SCALE_REDIS_URL ?? "").port, "--scan", "--pattern", "sess:*"], { encoding: "utf8" })
    expect(keys.trim().split("\n").filter(Boolean).length).toBeGreaterThan(0)
  })
})
