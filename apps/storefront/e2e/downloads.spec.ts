import { expect, test, type Page } from "@playwright/test"
import { createHash } from "node:crypto"
import { readFile } from "node:fs/promises"
import { AccountPages, uniqueEmail, waitForEmail } from "./fixtures/accounts"
import { SEEDED } from "./fixtures/catalogue"
import { placeOrder, signInToken, storedSha256, useUpDownloads } from "./fixtures/orders"

async function downloadBytes(page: Page, start: () => Promise<unknown>) {
  const [download] = await Promise.all([page.waitForEvent("download"), start()])
  const path = await download.path()
  return { name: download.suggestedFilename(), bytes: await readFile(path) }
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex")

/** Registers a new customer in `page`, buys `handle` and opens the order's confirmation page. */
async function buyAndOpenConfirmation(page: Page, who: string, handle: string) {
  const email = uniqueEmail(who)
  const password = `${who}-password-123`
  const account = new AccountPages(page)
  await account.register({ email, password })
  await account.expectSignedInAs(email)
  const orderId = await placeOrder(email, password, handle)
  await page.goto(`/order/${orderId}/confirmed`)
  return { email, password }
}

const downloadHref = async (page: Page) =>
  (await page.getByTestId("download-item").getByRole("link", { name: "Download" }).getAttribute("href"))!

test.describe("digital delivery", () => {
  test("a paid order shows its file on the confirmation page and in the library, and the download is the stored file", async ({ page }) => {
    const product = SEEDED[0]
    const { email } = await buyAndOpenConfirmation(page, "buyer", product.handle)
    await expect(page.getByRole("heading", { level: 1 })).toContainText("is confirmed")
    await expect(page.getByTestId("order-total")).toHaveText(product.price)
    const item = page.getByTestId("download-item").filter({ hasText: product.title })
    await expect(item).toHaveCount(1)

    const expected = await storedSha256(product.handle)
    const first = await downloadBytes(page, () => item.getByRole("link", { name: "Download" }).click())
    expect(first.name).toMatch(/\.zip$/)
    expect(sha256(first.bytes)).toBe(expected)

    await page.goto("/account/downloads")
    const library = page.getByTestId("download-item").filter({ hasText: product.title })
    await expect(library).toContainText("Downloaded 1 time")

    const { text } = await waitForEmail(email, /Your Vespertene order #\d+/)
    const link = /https?:\/\/\S+\/downloads\/[0-9a-f-]{36}/.exec(text)?.[0]
    expect(link).toBeTruthy()
    expect(text).not.toContain("X-Amz-Signature")
    const fromEmail = await downloadBytes(page, () => page.goto(new URL(link!).pathname).catch(() => undefined))
    expect(sha256(fromEmail.bytes)).toBe(expected)
  })

  test("a download link opened signed out asks to sign in, then downloads the file", async ({ page, browser }) => {
    const product = SEEDED[2]
    const { email, password } = await buyAndOpenConfirmation(page, "away", product.handle)
    const href = await downloadHref(page)

    // Another browser, as when the emailed link is opened on a second device.
    const context = await browser.newContext({ baseURL: process.env.E2E_STOREFRONT_URL })
    const away = await context.newPage()
    await away.goto(href)
    await expect(away).toHaveURL(`/sign-in?next=${encodeURIComponent(href)}`)
    const file = await downloadBytes(away, () => new AccountPages(away).signIn(email, password))
    expect(sha256(file.bytes)).toBe(await storedSha256(product.handle))
    await context.close()
  })

  test("a file past its download limit leads to the library with the reason, in the shop's own words only", async ({ page }) => {
    const product = SEEDED[4]
    const { email, password } = await buyAndOpenConfirmation(page, "capped", product.handle)
    const token = (await downloadHref(page)).split("/").pop()!
    const orderId = /\/order\/([^/]+)\/confirmed/.exec(page.url())![1]!
    await useUpDownloads(orderId, await signInToken(email, password), token)

    // Clicking Download now opens the library with the reason: no page saved as a "download".
    await page.getByTestId("download-item").getByRole("link", { name: "Download" }).click()
    await expect(page).toHaveURL("/account/downloads?problem=limit")
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That file has reached its download limit. Contact us and we will reset it.")

    // A link cannot put its own text in the shop's alert.
    await page.goto("/account/downloads?problem=not-found&message=Send+your+password+to+evil%40example.com")
    await expect(page.getByRole("main").getByRole("alert")).toContainText("There is no such download in this account.")
    await expect(page.getByText("evil@example.com")).toHaveCount(0)
  })

  test("someone else's download link gets them nothing", async ({ page, browser }) => {
    await buyAndOpenConfirmation(page, "owner", SEEDED[1].handle)
    const href = await downloadHref(page)

    const context = await browser.newContext({ baseURL: process.env.E2E_STOREFRONT_URL })
    const other = await context.newPage()
    const otherEmail = uniqueEmail("other")
    await new AccountPages(other).register({ email: otherEmail, password: "other-password-123" })
    await new AccountPages(other).expectSignedInAs(otherEmail)
    await other.goto(href)
    await expect(other).toHaveURL(/\/account\/downloads\?problem=not-found/)
    await expect(other.getByRole("main").getByRole("alert")).toContainText("no such download")
    await context.close()
  })
})
