import { backendProduct, expect, SEEDED, test } from "./fixtures/catalogue"

test.describe("the catalogue", () => {
  test("the home page lists every seeded product with its AUD price", async ({ shop, page }) => {
    await shop.openHome()
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible()
    await expect(shop.productCards()).toHaveCount(SEEDED.length)
    for (const product of SEEDED) {
      const card = shop.card(product.title)
      await expect(card).toHaveCount(1)
      await expect(card.getByTestId("price")).toHaveText(product.price)
    }
  })

  test("product images load through the image optimiser", async ({ shop, page }) => {
    await shop.openHome()
    const first = shop.productCards().first().locator("img")
    await first.scrollIntoViewIfNeeded()
    await expect.poll(() => first.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0)
    expect(await first.getAttribute("src")).toContain("/_next/image")
    await expect(page.getByRole("link", { name: /Vespertene, home/ })).toBeVisible()
  })

  test("a product page opens from the grid with its price, GST and file size", async ({ shop, page }) => {
    const product = SEEDED[0]
    await shop.openHome()
    await shop.card(product.title).getByRole("link").click()
    await expect(page).toHaveURL(new RegExp(`/products/${product.handle}$`))
    await expect(page.getByRole("heading", { level: 1, name: product.title })).toBeVisible()
    await expect(page.getByTestId("price")).toHaveText(product.price)
    await expect(page.getByText(`incl. ${product.gst} GST`)).toBeVisible()

    const file = await backendProduct(product.handle)
    // Sizes are shown in SI kilobytes, rounded, as file managers show them.
    await expect(page.getByTestId("file-size")).toHaveText(`${Math.round(file.size / 1000)} kB`)
    await expect(page.getByTestId("file-format")).toHaveText("ZIP")
    await expect(page.getByText(file.file_name)).toBeVisible()
  })

  test("a product page is fetched ahead when the visitor points at its card, not when the card scrolls into view", async ({ shop, page }) => {
    const product = SEEDED[0]
    const prefetched: string[] = []
    page.on("request", (request) => {
      if (request.headers()["next-router-prefetch"]) prefetched.push(new URL(request.url()).pathname)
    })
    await shop.openHome()
    await expect(shop.productCards()).toHaveCount(SEEDED.length)
    // Loading the page, with every card and the header's links in view, fetches none of their pages.
    await page.waitForLoadState("networkidle")
    expect(prefetched).toEqual([])

    const link = shop.card(product.title).getByRole("link")
    await link.hover()
    await expect.poll(() => prefetched, { timeout: 10_000 }).toContain(`/products/${product.handle}`)
    await link.click()
    await expect(page.getByRole("heading", { level: 1, name: product.title })).toBeVisible()
  })

  test("every product page shows its own price", async ({ shop, page }) => {
    for (const product of SEEDED) {
      const response = await shop.openProduct(product.handle)
      expect(response?.status()).toBe(200)
      await expect(page.getByRole("heading", { level: 1, name: product.title })).toBeVisible()
      await expect(page.getByTestId("price")).toHaveText(product.price)
    }
  })

  test("an unknown product shows the 404 page", async ({ shop, page }) => {
    const response = await shop.openProduct("no-such-product")
    expect(response?.status()).toBe(404)
    await expect(page.getByRole("heading", { name: /couldn.t find that page/i })).toBeVisible()
    await page.getByRole("link", { name: "Browse the shop" }).click()
    await expect(page.getByTestId("product-card").first()).toBeVisible()
  })

  test("a malformed product address is a 404, not an error", async ({ shop }) => {
    const response = await shop.openProduct("..%2F..%2Fetc")
    expect(response?.status()).toBe(404)
  })
})
