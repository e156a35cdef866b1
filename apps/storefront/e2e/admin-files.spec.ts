import { expect, test } from "@playwright/test"
import { createHash, randomBytes } from "node:crypto"
import { zipSync } from "fflate"
import { uniqueEmail } from "./fixtures/accounts"
import { signInToAdmin } from "./fixtures/admin"
import { SEEDED } from "./fixtures/catalogue"
import { downloadAs, placeOrder, registerCustomer, signInToken, useUpDownloads } from "./fixtures/orders"

const backend = () => process.env.E2E_BACKEND_URL ?? ""

test.describe("staff manage download files in the admin", () => {
  test.use({ baseURL: process.env.E2E_BACKEND_URL })

  test("uploading a ZIP shows its progress and then the SHA-256 the backend measured", async ({ page }) => {
    test.setTimeout(90_000)
    const product = SEEDED[5]
    const res = await fetch(`${backend()}/store/products?handle=${product.handle}&fields=id,variants.id`, {
      headers: { "x-publishable-api-key": process.env.E2E_PUBLISHABLE_KEY ?? "" },
    })
    const { products } = (await res.json()) as { products: Array<{ id: string; variants: Array<{ id: string }> }> }
    const productId = products[0]!.id
    const variantId = products[0]!.variants[0]!.id

    await signInToAdmin(page)

    await page.goto(`/app/products/${productId}`)
    await expect(page.getByRole("heading", { name: "Download files" })).toBeVisible({ timeout: 30_000 })

    // A 6 MB archive of incompressible bytes, sent over a throttled link so progress is visible.
    const zip = Buffer.from(zipSync({ "charts/extra.bin": randomBytes(6 * 1024 * 1024) }, { level: 0 }))
    const cdp = await page.context().newCDPSession(page)
    await cdp.send("Network.enable")
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 3 * 1024 * 1024,
    })
    await page.getByTestId(`upload-input-${variantId}`).setInputFiles({
      name: "southern-sky-charts-v2.zip",
      mimeType: "application/zip",
      buffer: zip,
    })
    const progress = page.getByRole("progressbar")
    await expect(progress).toBeVisible()
    await expect(progress).toContainText("%")
    await expect(page.getByTestId("uploaded-sha256")).toHaveText(`SHA-256 ${createHash("sha256").update(zip).digest("hex")}`, {
      timeout: 60_000,
    })
    // The new upload is version 2 and current; version 1 is kept, with a way back to it.
    await expect(page.getByRole("row").filter({ hasText: "southern-sky-charts-v2.zip" })).toContainText("Current")
    await expect(page.getByRole("row").filter({ hasText: "southern-sky-charts.zip" })).toContainText("Make current")

    // Going back asks first, then version 1 is what customers download again.
    await page.getByRole("row").filter({ hasText: "southern-sky-charts.zip" }).getByRole("button", { name: "Make current" }).click()
    await expect(page.getByText("Make version 1 what customers download?")).toBeVisible()
    await page.getByRole("button", { name: "Use version 1" }).click()
    await expect(page.getByRole("row").filter({ hasText: "southern-sky-charts.zip" })).toContainText("Current")
    await expect(page.getByRole("row").filter({ hasText: "southern-sky-charts-v2.zip" })).toContainText("Make current")
  })

  test("an order whose download reached its limit says so, and staff give the downloads back", async ({ page }) => {
    test.setTimeout(90_000)
    const product = SEEDED[2]
    const email = uniqueEmail("limit")
    const password = "limit-password-123"
    await registerCustomer(email, password)
    const orderId = await placeOrder(email, password, product.handle)
    const bearer = await signInToken(email, password)
    const store = { "x-publishable-api-key": process.env.E2E_PUBLISHABLE_KEY ?? "", authorization: `Bearer ${bearer}` }

    // The file is granted a moment after the order; then the customer uses up the allowance.
    let downloadToken = ""
    await expect(async () => {
      const res = await fetch(`${backend()}/store/customers/me/downloads?order_id=${orderId}`, { headers: store })
      downloadToken = ((await res.json()) as { downloads: Array<{ token: string }> }).downloads[0]?.token ?? ""
      expect(downloadToken).not.toBe("")
    }).toPass({ timeout: 20_000 })
    const limit = await useUpDownloads(orderId, bearer, downloadToken)
    expect((await downloadAs(bearer, downloadToken)).status).toBe(429)

    await signInToAdmin(page)
    await page.goto(`/app/orders/${orderId}`)
    const row = page.getByRole("row").filter({ hasText: product.title })
    await expect(row).toContainText("Limit reached", { timeout: 30_000 })
    await expect(row).toContainText(`${limit} of ${limit}`)
    await row.getByRole("button", { name: "Reset count" }).click()
    await expect(row).toContainText(`0 of ${limit}`)
    await expect(row).toContainText("Active")
    expect((await downloadAs(bearer, downloadToken)).status).toBe(302)
  })
})
