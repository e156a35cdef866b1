import { expect, test } from "@playwright/test"
import { AccountPages, uniqueEmail } from "./fixtures/accounts"
import { inviteCustomer } from "./fixtures/admin"

// A storefront and backend started from the same builds with PRIVATE_MODE=true.
const storefront = process.env.E2E_PRIVATE_STOREFRONT_URL
const backend = process.env.E2E_PRIVATE_BACKEND_URL
test.use({ baseURL: storefront })

test.describe("private mode (Phase 1)", () => {
  test("a signed-out visitor sees only sign-in", async ({ page }) => {
    for (const path of ["/", "/products/nightfall-texture-pack", "/account", "/no-such-page"]) {
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
  })
})
