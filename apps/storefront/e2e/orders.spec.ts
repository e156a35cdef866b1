import { expect, test, type Page } from "@playwright/test"
import { AccountPages, uniqueEmail } from "./fixtures/accounts"
import { refundOrder } from "./fixtures/admin"
import { SEEDED } from "./fixtures/catalogue"
import { placeOrder, placeOrderAs, signInToken } from "./fixtures/orders"

/** Registers a new customer in `page` and returns their credentials. */
async function newCustomer(page: Page, who: string) {
  const email = uniqueEmail(who)
  const password = `${who}-password-123`
  const account = new AccountPages(page)
  await account.register({ email, password })
  await account.expectSignedInAs(email)
  return { email, password }
}

const rows = (page: Page) => page.getByTestId("order-row")
/** The not-found page (its status is 200: the account pages stream behind a loading state). */
const expectNotFound = (page: Page, what: string) =>
  expect(page.getByRole("heading", { level: 1 }), what).toHaveText("We couldn’t find that page")
const orderNumbers = async (page: Page) =>
  (await rows(page).getByRole("link").allTextContents()).map((text) => Number(/#(\d+)/.exec(text)?.[1]))

test.describe("order history", () => {
  test("lists a customer's orders newest first, ten to a page, and opens one with its receipt and files", async ({ page }) => {
    test.setTimeout(90_000)
    const { email, password } = await newCustomer(page, "history")
    const [oldest, newest] = [SEEDED[1], SEEDED[5]]
    const token = await signInToken(email, password)
    await placeOrderAs(token, email, oldest.handle)
    for (let batch = 0; batch < 3; batch++) {
      await Promise.all([0, 1, 2].map((i) => placeOrderAs(token, email, SEEDED[(batch + i) % 5]!.handle)))
    }
    const newestId = await placeOrderAs(token, email, newest.handle)

    await page.goto("/account")
    await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Orders" }).click()
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your orders")
    const ordersLink = page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Orders" })
    await expect(ordersLink).toHaveAttribute("aria-current", "page")
    await expect(rows(page)).toHaveCount(10)
    const first = await orderNumbers(page)
    expect(first.every(Number.isInteger)).toBe(true)
    expect(first).toEqual([...first].sort((a, b) => b - a))
    await expect(rows(page).first()).toContainText(newest.title)
    await expect(rows(page).first()).toContainText(newest.price)
    await expect(rows(page).first()).toContainText("Paid")
    await expect(page.getByText("Page 1 of 2")).toBeVisible()

    await page.getByRole("link", { name: "Older orders" }).click()
    await expect(page).toHaveURL(/\/account\/orders\?page=2$/)
    await expect(rows(page)).toHaveCount(1)
    await expect(rows(page)).toContainText(oldest.title)
    expect((await orderNumbers(page)).every(Number.isInteger)).toBe(true)
    await expect(rows(page)).toContainText(oldest.price)
    expect((await orderNumbers(page))[0]).toBeLessThan(Math.min(...first))
    await page.getByRole("link", { name: "Newer orders" }).click()
    await expect(page).toHaveURL(/\/account\/orders$/)

    await rows(page).first().getByRole("link").click()
    await expect(page).toHaveURL(`/account/orders/${newestId}`)
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Order #${first[0]}`)
    await expect(ordersLink).toHaveAttribute("aria-current", "true")
    await expect(page.getByTestId("order-status")).toHaveText("Paid")
    await expect(page.getByTestId("order-total")).toHaveText(newest.price)
    await expect(page.getByText(`Includes GST of`)).toBeVisible()
    // Its file is granted a moment after the order exists; the page refreshes itself until it is there.
    const file = page.getByTestId("download-item")
    await expect(file).toHaveCount(1)
    await expect(file).toContainText(newest.title)
    await expect(file.getByRole("link", { name: "Download" })).toHaveAttribute("href", /^\/downloads\/[0-9a-f-]{36}$/)
  })

  test("a new customer sees an empty history that leads back to the shop; a page that does not exist is not found", async ({ page }) => {
    await newCustomer(page, "no-orders")
    await page.goto("/account/orders")
    await expect(page.getByRole("status")).toContainText("No orders yet")
    await expect(rows(page)).toHaveCount(0)
    for (const bad of ["?page=2", "?page=0", "?page=abc"]) {
      await page.goto(`/account/orders${bad}`)
      await expectNotFound(page, bad)
      await expect(rows(page)).toHaveCount(0)
    }
    await page.goto("/account/orders")
    await page.getByRole("link", { name: "Browse the shop" }).click()
    await expect(page).toHaveURL(/\/$/)
  })

  test("a refunded order says so, and its file is no longer offered", async ({ page }) => {
    const { email, password } = await newCustomer(page, "refunded")
    const product = SEEDED[3]
    const orderId = await placeOrder(email, password, product.handle)
    await refundOrder(orderId)

    // The refund revokes the file through an event: reload until the page shows it, within a deadline.
    await expect(async () => {
      await page.goto(`/account/orders/${orderId}`)
      await expect(page.getByTestId("download-item")).toContainText("No longer available", { timeout: 1_000 })
    }).toPass({ timeout: 20_000 })
    await expect(page.getByTestId("order-status")).toHaveText("Refunded")
    await expect(page.getByTestId("order-total")).toHaveText(product.price)
    await expect(page.getByTestId("order-refunded")).toHaveText(`−${product.price}`)
    await page.goto("/account/orders")
    await expect(rows(page)).toHaveCount(1)
    await expect(rows(page)).toContainText("Refunded")
    await expect(rows(page)).toContainText(product.price)
  })

  test("someone else's order is not found, in the history and on its confirmation page", async ({ page, browser }) => {
    const { email, password } = await newCustomer(page, "buyer")
    const orderId = await placeOrder(email, password, SEEDED[4].handle)
    await page.goto(`/account/orders/${orderId}`)
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Order #")

    const context = await browser.newContext({ baseURL: process.env.E2E_STOREFRONT_URL })
    const other = await context.newPage()
    await newCustomer(other, "snoop")
    for (const path of [`/account/orders/${orderId}`, `/order/${orderId}/confirmed`]) {
      await other.goto(path)
      await expectNotFound(other, path)
      await expect(other.getByText(SEEDED[4].title)).toHaveCount(0)
      await expect(other.getByText(/Order #\d+/)).toHaveCount(0)
    }
    await context.close()
  })
})
