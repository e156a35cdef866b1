import { expect, test } from "@playwright/test"
import { spawn, type ChildProcess } from "node:child_process"
import { createServer } from "node:net"
import { join } from "node:path"
import { uniqueEmail } from "./fixtures/accounts"
import { SEEDED } from "./fixtures/catalogue"
import { registerCustomer } from "./fixtures/orders"

/**
 * Errors reach Sentry, scrubbed (ADR 0025). The e2e builds report to a local stand-in of Sentry's
 * ingest (E2E_SENTRY_URL): the browser's uncaught errors, and the storefront server's when the
 * backend cannot be reached. No report may hold a cookie, a token or an email address.
 */
type Envelope = { raw: string; items: Array<{ type: string; payload: unknown }> }
type SentryEvent = {
  tags?: Record<string, string>
  exception?: { values?: Array<{ value?: string }> }
  request?: { url?: string; headers?: Record<string, string> }
}

const sentryUrl = () => process.env.E2E_SENTRY_URL ?? ""

async function envelopes(): Promise<Envelope[]> {
  const res = await fetch(`${sentryUrl()}/__envelopes`)
  return (await res.json()) as Envelope[]
}

const eventsOf = (all: Envelope[]) =>
  all.flatMap((e) => e.items.filter((i) => i.type === "event").map((i) => ({ event: i.payload as SentryEvent, raw: e.raw })))

/** Polls the stand-in (bounded) until an event passes `match`. */
async function reported(match: (event: SentryEvent) => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = eventsOf(await envelopes()).find(({ event }) => match(event))
    if (found || Date.now() > deadline) return found
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const messageOf = (event: SentryEvent) => event.exception?.values?.map((v) => v.value ?? "").join(" ") ?? ""

async function signIn(email: string, password: string): Promise<string> {
  const res = await fetch(`${process.env.E2E_BACKEND_URL}/auth/customer/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  return ((await res.json()) as { token: string }).token
}

test.describe("error reports", () => {
  test.skip(!process.env.E2E_SENTRY_URL, "needs the Sentry stand-in that npm test starts")

  test("an error in the browser reaches Sentry from catalogue and account pages, under their CSPs, scrubbed", async ({ page, context }) => {
    const email = uniqueEmail("browser-report")
    const password = "a-long-password-1"
    await registerCustomer(email, password)
    const token = await signIn(email, password)
    await context.addCookies([{ name: "_medusa_jwt", value: token, url: process.env.E2E_STOREFRONT_URL! }])
    const violations: string[] = []
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
    })

    for (const path of ["/", "/account"]) {
      await page.goto(path)
      const marker = `browser-${path === "/" ? "catalogue" : "account"}-${Date.now()}`
      const secret = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
      // The SDK loads after the page does; throw (bounded) until a report arrives.
      let found: Awaited<ReturnType<typeof reported>>
      for (let attempt = 0; attempt < 20 && !found; attempt++) {
        await page.evaluate(
          ({ marker, email, secret }) => setTimeout(() => { throw new Error(`${marker} for ${email} with ${secret}`) }),
          { marker, email, secret },
        )
        found = await reported((event) => messageOf(event).includes(marker), 1_000)
      }
      expect(found, `a report from ${path}`).toBeTruthy()
      expect(messageOf(found!.event)).toContain(`${marker} for [email] with [token]`)
      expect(found!.event.tags).toMatchObject({ area: "browser" })
      for (const leak of [email, secret, token]) expect(found!.raw).not.toContain(leak)
    }
    expect(violations).toEqual([])
  })

  test("the storefront server reports what fails when the backend is down, with no cookie, token or email", async ({ browser }) => {
    const email = uniqueEmail("server-report")
    const password = "a-long-password-1"
    await registerCustomer(email, password)
    const jwt = await signIn(email, password)
    const downloadToken = "0b8f3e52-9d3c-4f6e-8a41-2c7d9e5b1f60"

    // The same production build, pointed at a backend that is not there.
    const port = await freePort()
    const storefront = await startStorefront(port, { MEDUSA_BACKEND_URL: `http://127.0.0.1:${await freePort()}` })
    try {
      const url = `http://127.0.0.1:${port}`
      const headers = { cookie: `_medusa_jwt=${jwt}`, "user-agent": "e2e" }

      // A download link: the customer is sent to their library with a message; we are told.
      const download = await fetch(`${url}/downloads/${downloadToken}?email=${encodeURIComponent(email)}`, { headers, redirect: "manual" })
      expect(download.status).toBe(303)
      expect(download.headers.get("location")).toBe("/account/downloads?problem=unavailable")
      const fromRoute = await reported((event) => event.tags?.area === "download" && /fetch failed/.test(messageOf(event)))
      expect(fromRoute, "a report from the download route").toBeTruthy()

      // A page that cannot render: the error page, and a report through Next's onRequestError.
      const library = await fetch(`${url}/account/downloads`, { headers })
      expect(await library.text()).toContain("We couldn")
      const fromPage = await reported((event) => /Could not load the downloads/.test(messageOf(event)))
      expect(fromPage, "a report from the page").toBeTruthy()
      expect(fromPage!.event.tags).toMatchObject({ area: "download" })
      expect(fromPage!.event.request?.headers ?? {}).not.toHaveProperty("cookie")

      for (const { raw } of [fromRoute!, fromPage!]) {
        for (const leak of [jwt, downloadToken, email, encodeURIComponent(email)]) expect(raw).not.toContain(leak)
      }

      // What a customer sees meanwhile: the cached product page still works, and what needs the
      // backend says so in place instead of failing the page or pretending it worked.
      const context = await browser.newContext({ baseURL: url })
      await context.addCookies([{ name: "_vespertene_cart", value: "cart_01BACKENDISDOWN000000000", url }])
      const page = await context.newPage()
      await page.goto(`/products/${SEEDED[0].handle}`)
      await page.getByRole("button", { name: "Add to cart" }).click()
      await expect(page.getByRole("status").filter({ hasText: "We couldn't reach your cart just now." })).toBeVisible()
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEEDED[0].title)
      await page.goto("/forgot-password")
      await page.getByLabel("Email").fill(email)
      await page.getByRole("button", { name: "Email me a reset link" }).click()
      await expect(page.getByRole("main")).toContainText("Something went wrong on our side")
      await expect(page.getByRole("main")).not.toContainText("we've emailed")
      await context.close()
    } finally {
      storefront.kill("SIGTERM")
    }
  })
})

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** `next start` from this build on loopback, waiting (bounded) until it answers. */
async function startStorefront(port: number, overrides: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(join(process.cwd(), "node_modules", ".bin", "next"), ["start", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_ENV: "production", ...overrides },
    stdio: "ignore",
  })
  const deadline = Date.now() + 30_000
  for (;;) {
    const up = await fetch(`http://127.0.0.1:${port}/sign-in`).then((r) => r.ok, () => false)
    if (up) return child
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill("SIGKILL")
      throw new Error("the second storefront did not start")
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
