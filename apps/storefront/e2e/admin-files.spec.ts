import { expect, test } from "@playwright/test"
import { createHash, randomBytes } from "node:crypto"
import { zipSync } from "fflate"
import { SEEDED } from "./fixtures/catalogue"

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

    await page.goto("/app/login")
    await page.getByRole("textbox", { name: "Email" }).fill(process.env.E2E_ADMIN_EMAIL ?? "")
    await page.getByPlaceholder("Password").fill(process.env.E2E_ADMIN_PASSWORD ?? "")
    await page.getByRole("button", { name: "Continue with Email" }).click()
    await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 })

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
  })
})
