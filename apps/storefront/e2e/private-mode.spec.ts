import { expect, test } from "@playwright/test"
import { join } from "node:path"
import { AccountPages, uniqueEmail } from "./fixtures/accounts"
import { inviteCustomer } from "./fixtures/admin"
import { runUntilExit } from "./fixtures/processes"

// The backend's build started with PRIVATE_MODE=true, and the storefront's private build (ADR 0027).
const storefront = process.env.E2E_PRIVATE_STOREFRONT_URL
const backend = process.env.E2E_PRIVATE_BACKEND_URL
test.use({ baseURL: storefront })

test.describe("private mode (Phase 1)", () => {
  test("a signed-out visitor sees only sign-in", async ({ page }) => {
    for (const path of ["/", "/products/nightfall-texture-pack", "/licence", "/account", "/no-such-page", "/products/a/b"]) {
      await page.goto(path)
      await expect(page).toHaveURL(/\/sign-in\?next=/)
      await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible()
    }
    await expect(page.getByTestId("product-card")).toHaveCount(0)
  })

  test("an uninvited email cannot register, in the storefront or at the backend", async ({ page }) => {
    const email = uniqueEmail("uninvited")
    await new AccountPages(page).register({ email, password: "uninvited-password-1" })
    await expect(page.getByRole("main").getByRole("alert")).toContainText("invitation only")
    await expect(page).toHaveURL(/\/register/)

    const direct = await fetch(`${backend}/auth/customer/emailpass/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "uninvited-password-1" }),
    })
    expect(direct.status).toBe(403)
    const signIn = await fetch(`${backend}/auth/customer/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "uninvited-password-1" }),
    })
    expect(signIn.status).toBe(401)
  })

  test("an invited email registers and then sees the shop", async ({ page }) => {
    const email = uniqueEmail("invited")
    await inviteCustomer(email, backend)
    const account = new AccountPages(page)
    await account.register({ email, password: "invited-password-1" })
    await account.expectSignedInAs(email)
    await page.goto("/")
    await expect(page.getByTestId("product-card").first()).toBeVisible()
    // The private build renders catalogue pages per visitor: a signed-in one gets them.
    await page.goto("/products/nightfall-texture-pack")
    await expect(page.getByRole("heading", { level: 1, name: "Nightfall Texture Pack" })).toBeVisible()
    await page.goto("/licence")
    await expect(page.getByRole("heading", { level: 1, name: "Licence and refunds" })).toBeVisible()
  })
})

/** `next start` from one of the two builds, waiting (bounded) for it to exit. */
const startExpectingRefusal = (distDir: string, privateMode: string) =>
  runUntilExit(join(process.cwd(), "node_modules", ".bin", "next"), ["start", "--hostname", "127.0.0.1", "--port", "0"], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: distDir, PRIVATE_MODE: privateMode },
    timeoutMs: 30_000,
  })

test.describe("private mode is fixed at build", () => {
  test("the open build will not start private, nor the private build open", async () => {
    const open = await startExpectingRefusal(".next", "true")
    expect(open.code).toBe(1)
    expect(open.output).toContain("PRIVATE_MODE asks for private mode on, but this build was made with it off")
    const closed = await startExpectingRefusal(process.env.E2E_PRIVATE_DIST_DIR ?? ".next-private", "false")
    expect(closed.code).toBe(1)
    expect(closed.output).toContain("PRIVATE_MODE asks for private mode off, but this build was made with it on")
  })
})
