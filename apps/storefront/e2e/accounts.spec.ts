import { expect, test } from "@playwright/test"
import { AccountPages, otherDevice, uniqueEmail, waitForEmail } from "./fixtures/accounts"
import { SEEDED } from "./fixtures/catalogue"

test.describe("customer accounts", () => {
  test("register, sign out, sign in: the token lives only in an HttpOnly cookie", async ({ page, context }) => {
    const account = new AccountPages(page)
    const email = uniqueEmail("register")
    await account.register({ email, password: "first-password-123" })
    await account.expectSignedInAs(email)
    expect(await account.scriptVisibleCookies()).not.toContain("_medusa_jwt")
    const [cookie] = (await context.cookies()).filter((c) => c.name === "_medusa_jwt")
    expect(cookie?.httpOnly).toBe(true)
    expect(cookie?.sameSite).toBe("Lax")
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).not.toMatch(/eyJ/)

    await account.signOut()
    expect((await context.cookies()).some((c) => c.name === "_medusa_jwt")).toBe(false)

    await account.signIn(email, "first-password-123")
    await account.expectSignedInAs(email)
    expect(await account.scriptVisibleCookies()).not.toContain("_medusa_jwt")

    const welcome = await waitForEmail(email, /Welcome to Vespertene/)
    expect(welcome.text).toMatch(/welcome, ada/i)
  })

  test("a signed-out visit to the account lands on sign-in and returns there afterwards", async ({ page }) => {
    const email = uniqueEmail("guard")
    const account = new AccountPages(page)
    await account.register({ email, password: "guarded-password-1" })
    await account.signOut()

    await page.goto("/account")
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/)
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible()
    await account.signIn(email, "guarded-password-1")
    await account.expectSignedInAs(email)
  })

  test("wrong details get clear messages and nothing is created", async ({ page }) => {
    const account = new AccountPages(page)
    await account.signIn(uniqueEmail("nobody"), "not-a-real-password")
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is incorrect.")
    await expect(page).toHaveURL(/\/sign-in/)

    const email = uniqueEmail("mismatch")
    await page.goto("/register")
    await page.getByLabel("First name").fill("Ada")
    await page.getByLabel("Last name").fill("Lovelace")
    await page.getByLabel("Email").fill(email)
    await page.getByLabel("Password", { exact: true }).fill("one-password-123")
    await page.getByLabel("Repeat the password").fill("another-password-123")
    await page.getByRole("button", { name: "Create account" }).click()
    await expect(page.getByText("The passwords do not match")).toBeVisible()
    // The field to fix has the focus, so a screen reader reads it and its error.
    await expect(page.getByLabel("Repeat the password")).toBeFocused()
    await expect(page.getByLabel("Email")).toHaveValue(email)
    await account.signIn(email, "one-password-123")
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is incorrect.")
  })

  test("a registration that stopped half-way is finished by registering again with the same password, and by no one else", async ({ page }) => {
    // The login exists but its customer record does not (as when the second step failed).
    const email = uniqueEmail("half")
    const res = await fetch(`${process.env.E2E_BACKEND_URL}/auth/customer/emailpass/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "half-password-123" }),
    })
    expect(res.status).toBe(200)

    const account = new AccountPages(page)
    await account.signIn(email, "half-password-123")
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Create an account again with the same email and password")

    await account.register({ email, password: "another-password-123" })
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("An account with this email already exists. Sign in, or reset your password.")

    await account.register({ email, password: "half-password-123", first: "Grace", last: "Hopper" })
    await account.expectSignedInAs(email)
    await expect(page.getByLabel("First name")).toHaveValue("Grace")
  })

  test("forgot password: the emailed link sets a new password and signs out older sessions", async ({ page, browser }) => {
    const email = uniqueEmail("forgot")
    const account = new AccountPages(page)
    await account.register({ email, password: "before-reset-123" })
    await account.expectSignedInAs(email)
    const laptop = await otherDevice(browser, email, "before-reset-123")
    await account.signOut()

    await page.goto("/sign-in")
    await page.getByRole("link", { name: "Forgot your password?" }).click()
    // The sign-in page has an Email field too: fill only once the new page is there.
    await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible()
    await page.getByLabel("Email").fill(email)
    await page.getByRole("button", { name: "Email me a reset link" }).click()
    await expect(page.getByRole("main").getByRole("status")).toContainText(`If an account exists for ${email}`)

    const { text } = await waitForEmail(email, /Reset your Vespertene password/)
    const link = /https?:\/\/\S+\/reset-password\?\S+/.exec(text)?.[0]
    expect(link).toBeTruthy()
    const url = new URL(link!)
    await page.goto(url.pathname + url.search)
    await page.getByLabel("New password", { exact: true }).fill("after-reset-456")
    await page.getByLabel("Repeat the new password").fill("after-reset-456")
    await page.getByRole("button", { name: "Set new password" }).click()
    await expect(page).toHaveURL(/\/sign-in\?reset=1/)

    await account.signIn(email, "before-reset-123")
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is incorrect.")
    await account.signIn(email, "after-reset-456")
    await account.expectSignedInAs(email)

    await laptop.page.goto("/account")
    await expect(laptop.page).toHaveURL(/\/sign-in\?expired=1/)
    await expect(laptop.page.getByText("Your session has ended")).toBeVisible()
    await laptop.close()
  })

  test("changing the password keeps this session and signs out the others", async ({ page, browser }) => {
    const email = uniqueEmail("change")
    const account = new AccountPages(page)
    await account.register({ email, password: "old-password-123" })
    await account.expectSignedInAs(email)
    const phone = await otherDevice(browser, email, "old-password-123")

    await page.getByLabel("Current password").fill("wrong-password-000")
    await page.getByLabel("New password", { exact: true }).fill("new-password-456")
    await page.getByLabel("Repeat the new password").fill("new-password-456")
    await page.getByRole("button", { name: "Change password" }).click()
    await expect(page.getByText("That is not your current password")).toBeVisible()

    await page.getByLabel("Current password").fill("old-password-123")
    await page.getByLabel("New password", { exact: true }).fill("new-password-456")
    await page.getByLabel("Repeat the new password").fill("new-password-456")
    await page.getByRole("button", { name: "Change password" }).click()
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Your password is changed" })).toBeVisible()

    await page.reload()
    await account.expectSignedInAs(email)
    await phone.page.goto("/account")
    await expect(phone.page).toHaveURL(/\/sign-in\?expired=1/)
    await phone.close()
  })

  test("a session ended on another device keeps its cart: the cart asks to sign in again, then shows it", async ({ page, browser }) => {
    const email = uniqueEmail("ended-cart")
    const account = new AccountPages(page)
    await account.register({ email, password: "old-password-123" })
    await account.expectSignedInAs(email)
    await page.goto(`/products/${SEEDED[1].handle}`)
    await page.getByRole("button", { name: "Add to cart" }).click()
    await expect(page.getByRole("status").filter({ hasText: "Added to your cart." })).toBeVisible()

    // The password changes on another device, which ends this session.
    const laptop = await otherDevice(browser, email, "old-password-123")
    await laptop.page.getByLabel("Current password").fill("old-password-123")
    await laptop.page.getByLabel("New password", { exact: true }).fill("new-password-456")
    await laptop.page.getByLabel("Repeat the new password").fill("new-password-456")
    await laptop.page.getByRole("button", { name: "Change password" }).click()
    await expect(laptop.page.getByRole("main").getByRole("status").filter({ hasText: "Your password is changed" })).toBeVisible()
    await laptop.close()

    await page.goto("/cart")
    await expect(page).toHaveURL(`/sign-in?expired=1&next=${encodeURIComponent("/cart")}`)
    await account.signIn(email, "new-password-456")
    await expect(page).toHaveURL("/cart")
    await expect(page.getByTestId("cart-line")).toContainText(SEEDED[1].title)
  })
})
