import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createAdmin, seedShop } from "../../src/seed/seed-shop"
import { startResendStandIn } from "../helpers/resend-stand-in"

jest.setTimeout(180_000)

// Resend's SDK pointed at a local stand-in: a test key, outside production (src/lib/env.ts).
// Set before the runner's own beforeAll loads medusa-config, which reads the environment.
let resend: Awaited<ReturnType<typeof startResendStandIn>>

beforeAll(async () => {
  resend = await startResendStandIn()
  process.env.RESEND_API_KEY = "re_test_integration"
  process.env.RESEND_BASE_URL = resend.url
})
afterAll(async () => {
  delete process.env.RESEND_API_KEY
  delete process.env.RESEND_BASE_URL
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
  },
})
