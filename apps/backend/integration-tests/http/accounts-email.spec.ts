import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createAdmin, seedShop } from "../../src/seed/seed-shop"
import { startResendStandIn } from "../helpers/resend-stand-in"

jest.setTimeout(180_000)

// Resend's SDK pointed at a local stand-in: a test key, outside production (src/lib/env.ts).
// Set before the runner's own beforeAll loads medusa-config, which reads the environment.
// A short rate-limit window, so a test can watch it pass.
let resend: Awaited<ReturnType<typeof startResendStandIn>>
const PROXY_SECRET = "storefront-proxy-secret-for-tests-0123456789"
const WINDOW_SECONDS = 8
const testEnv = (url: string): Record<string, string> => ({
  RESEND_API_KEY: "re_test_integration",
  RESEND_BASE_URL: url,
  STOREFRONT_PROXY_SECRET: PROXY_SECRET,
  AUTH_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
  AUTH_RATE_LIMIT_PER_ACCOUNT: "10",
  AUTH_RATE_LIMIT_PER_IP: "30",
})

beforeAll(async () => {
  resend = await startResendStandIn()
  Object.assign(process.env, testEnv(resend.url))
})
afterAll(async () => {
  for (const key of Object.keys(testEnv(""))) delete process.env[key]
  await resend?.stop()
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const admin = { email: "staff-admin@vespertene.test", password: "a-long-staff-password" }
    let adminHeaders: Record<string, string>
    let publishableKey: string

    beforeAll(async () => {
      await createAdmin(getContainer(), admin)
      publishableKey = (await seedShop(getContainer())).publishableKey
    })

    const storeHeaders = (token?: string) => ({
      "x-publishable-api-key": publishableKey,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    })
    const signIn = (email: string, password: string) =>
      api.post("/auth/customer/emailpass", { email, password }, { validateStatus: () => true })
    const registerCustomer = async (email: string, password: string) => {
      const { data } = await api.post("/auth/customer/emailpass/register", { email, password })
      await api.post("/store/customers", { email, first_name: "Grace" }, { headers: storeHeaders(data.token) })
      const { data: session } = await signIn(email, password)
      return session.token as string
    }
    const me = (token: string) => api.get("/store/customers/me", { headers: storeHeaders(token), validateStatus: () => true })

    beforeEach(async () => {
      const { data } = await api.post("/auth/user/emailpass", admin)
      adminHeaders = { authorization: `Bearer ${data.token}` }
    })

    describe("the Resend notification provider", () => {
      it("sends the rendered email to Resend with the API key", async () => {
        const notifications = getContainer().resolve(Modules.NOTIFICATION)
        await notifications.createNotifications({
          to: "ada@example.com",
          channel: "email",
          template: "password-reset",
          data: { resetUrl: "https://shop.example/reset-password?token=t1", audience: "customer", expiresInMinutes: 15 },
        })
        const [email] = await resend.waitFor("ada@example.com")
        expect(email).toBeDefined()
        expect(email!.authorization).toBe("Bearer re_test_integration")
        expect(email!.body.subject).toBe("Reset your Vespertene password")
        expect(email!.body.from).toMatch(/vespertene/i)
        expect(email!.body.html).toContain("https://shop.example/reset-password?token=t1")
        expect(email!.body.text).toContain("https://shop.example/reset-password?token=t1")
      })

      it("reports a Resend error instead of swallowing it", async () => {
        const notifications = getContainer().resolve(Modules.NOTIFICATION)
        await expect(
          notifications.createNotifications({
            to: "reject@example.com",
            channel: "email",
            template: "staff-invite",
            data: { acceptUrl: "https://api.example/app/invite?token=x", expiresAt: null },
          }),
        ).rejects.toThrow(/Resend refused the email to reject@example.com.*validation_error/s)
        const [failed] = await notifications.listNotifications({ to: "reject@example.com" })
        expect(failed?.status).toBe("failure")
      })
    })

    describe("staff invites", () => {
      it("emails the accept link when an invite is created, and again when it is resent", async () => {
        const email = "new-staff@vespertene.test"
        const { data: created } = await api.post("/admin/invites", { email }, { headers: adminHeaders })
        const [first] = await resend.waitFor(email, 1)
        expect(first?.body.subject).toBe("You're invited to the Vespertene admin")
        expect(first?.body.text).toContain(`/app/invite?token=${created.invite.token}`)

        const { data: resent } = await api.post(`/admin/invites/${created.invite.id}/resend`, {}, { headers: adminHeaders })
        const both = await resend.waitFor(email, 2)
        expect(both).toHaveLength(2)
        expect(both[1]!.body.text).toContain(`/app/invite?token=${resent.invite.token}`)
      })
    })

    describe("password reset requests", () => {
      it("email a customer a storefront link, and answer the same for an unknown email", async () => {
        const email = "reset-me@example.com"
        await api.post("/auth/customer/emailpass/register", { email, password: "first-password-123" })

        const unknown = await api.post("/auth/customer/emailpass/reset-password", { identifier: "nobody@example.com" })
        const known = await api.post("/auth/customer/emailpass/reset-password", { identifier: email })
        expect(known.status).toBe(unknown.status)
        expect(known.data).toEqual(unknown.data)

        const [sent] = await resend.waitFor(email)
        expect(sent?.body.text).toMatch(/http:\/\/localhost:3000\/reset-password\?token=[\w.-]+&email=reset-me%40example.com/)
        // The unknown address was asked for first; by the time the known one's email is here, it got none.
        expect(resend.received.filter((e) => e.body.to === "nobody@example.com")).toHaveLength(0)
      })

      it("email staff a link to the admin's own reset page", async () => {
        await api.post("/auth/user/emailpass/reset-password", { identifier: admin.email })
        const [sent] = await resend.waitFor(admin.email)
        expect(sent?.body.subject).toBe("Reset your Vespertene admin password")
        expect(sent?.body.text).toMatch(/\/app\/reset-password\?token=[\w.-]+/)
      })
    })

    describe("changing and resetting a customer's password", () => {
      it("changes the password only with the current one, and ends every earlier session", async () => {
        const email = "change-me@example.com"
        const before = await registerCustomer(email, "original-password-1")
        expect((await me(before)).status).toBe(200)

        const wrong = await api.post(
          "/store/customers/me/password",
          { current_password: "not-the-password", new_password: "a-brand-new-password" },
          { headers: storeHeaders(before), validateStatus: () => true },
        )
        expect(wrong.status).toBe(401)
        expect((await signIn(email, "original-password-1")).status).toBe(200)

        const tooShort = await api.post(
          "/store/customers/me/password",
          { current_password: "original-password-1", new_password: "short" },
          { headers: storeHeaders(before), validateStatus: () => true },
        )
        expect(tooShort.status).toBe(400)

        const changed = await api.post(
          "/store/customers/me/password",
          { current_password: "original-password-1", new_password: "a-brand-new-password" },
          { headers: storeHeaders(before) },
        )
        expect(changed.status).toBe(200)
        expect((await me(before)).status).toBe(401)
        expect((await signIn(email, "original-password-1")).status).toBe(401)
        const after = await signIn(email, "a-brand-new-password")
        expect((await resend.waitFor(email, 1))[0]?.body.subject).toBe("Welcome to Vespertene")
        expect(after.status).toBe(200)
        expect((await me(after.data.token)).data.customer.email).toBe(email)
      })

      it("resets the password once from the emailed link, and ends every earlier session", async () => {
        const email = "forgot-it@example.com"
        const before = await registerCustomer(email, "original-password-2")
        await api.post("/auth/customer/emailpass/reset-password", { identifier: email })
        // The welcome email came first; the reset email is the second.
        const sent = (await resend.waitFor(email, 2)).find((e) => e.body.subject === "Reset your Vespertene password")
        const link = new URL(/http:\/\/\S+reset-password\?\S+/.exec(sent!.body.text)![0])
        const token = link.searchParams.get("token")!

        const reset = await api.post("/store/password-reset", { token, password: "reset-password-123" }, { headers: storeHeaders() })
        expect(reset.status).toBe(200)
        expect((await me(before)).status).toBe(401)
        expect((await signIn(email, "original-password-2")).status).toBe(401)
        expect((await signIn(email, "reset-password-123")).status).toBe(200)

        const again = await api.post(
          "/store/password-reset",
          { token, password: "another-password-456" },
          { headers: storeHeaders(), validateStatus: () => true },
        )
        expect(again.status).toBe(401)
        expect((await signIn(email, "another-password-456")).status).toBe(401)
      })

      it("refuses a forged reset token", async () => {
        const res = await api.post(
          "/store/password-reset",
          { token: "eyJhbGciOiJIUzI1NiJ9.eyJlbnRpdHlfaWQiOiJ4In0.forged-signature", password: "whatever-password" },
          { headers: storeHeaders(), validateStatus: () => true },
        )
        expect(res.status).toBe(401)
      })
    })

    describe("throttling sign-in, registration and reset requests", () => {
      const fromClient = (ip: string) => ({ "x-vespertene-client-ip": ip, "x-vespertene-proxy-secret": PROXY_SECRET })
      const attempt = (email: string, password: string, headers: Record<string, string> = {}) =>
        api.post("/auth/customer/emailpass", { email, password }, { headers, validateStatus: () => true })

      it("throttles 50 wrong passwords for one account, and lets the right one in once the window passes", async () => {
        const email = "guessed-at@example.com"
        await api.post("/auth/customer/emailpass/register", { email, password: "the-right-password" }, { headers: fromClient("198.51.100.1") })

        const statuses: number[] = []
        for (let i = 0; i < 50; i += 1) {
          // Each guess from another address: only the per-account limit can stop them.
          statuses.push((await attempt(email, `wrong-guess-${i}`, fromClient(`203.0.113.${i + 1}`))).status)
        }
        expect(statuses.filter((s) => s === 401)).toHaveLength(10)
        expect(statuses.filter((s) => s === 429)).toHaveLength(40)

        const locked = await attempt(email, "the-right-password", fromClient("192.0.2.10"))
        expect(locked.status).toBe(429)
        const retryAfter = Number(locked.headers["retry-after"])
        expect(retryAfter).toBeGreaterThanOrEqual(1)
        expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS)
        expect(locked.data.message).toMatch(/Try again in \d+ seconds/)

        // Poll (bounded) until the window has passed.
        const deadline = Date.now() + (WINDOW_SECONDS + 10) * 1000
        let status = locked.status
        while (status === 429 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 500))
          status = (await attempt(email, "the-right-password", fromClient("192.0.2.10"))).status
        }
        expect(status).toBe(200)
      })

      it("counts a spoofed X-Forwarded-For, or an unsigned client-IP claim, as the caller's own address", async () => {
        const statuses: number[] = []
        for (let i = 0; i < 40; i += 1) {
          const spoofed = `10.${i}.0.1`
          const res = await attempt(`nobody-${i}@example.com`, "whatever-password", {
            "x-forwarded-for": spoofed,
            "x-real-ip": spoofed,
            "x-vespertene-client-ip": spoofed,
            "x-vespertene-proxy-secret": "not-the-secret-not-the-secret-000000",
          })
          statuses.push(res.status)
        }
        expect(statuses.filter((s) => s === 429)).toHaveLength(10)

        // The storefront, with the secret, speaks for different clients: they are counted apart.
        const vouched = await attempt("someone@example.com", "whatever-password", fromClient("198.51.100.77"))
        expect(vouched.status).toBe(401)
      })

      it("throttles password reset requests per account without revealing anything", async () => {
        const statuses: number[] = []
        for (let i = 0; i < 11; i += 1) {
          const res = await api.post(
            "/auth/customer/emailpass/reset-password",
            { identifier: "flooded@example.com" },
            { headers: fromClient(`198.51.100.${i + 100}`), validateStatus: () => true },
          )
          statuses.push(res.status)
        }
        expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true)
        expect(statuses[10]).toBe(429)
      })
    })
  },
})
