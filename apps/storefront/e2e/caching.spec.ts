import { adminToken } from "./fixtures/admin"
import { expect, SEEDED, test } from "./fixtures/catalogue"

const backend = () => process.env.E2E_BACKEND_URL ?? ""

async function setSubtitle(token: string, handle: string, subtitle: string) {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" }
  const list = await fetch(`${backend()}/admin/products?handle=${handle}&fields=id`, { headers })
  const { products } = (await list.json()) as { products: Array<{ id: string }> }
  const res = await fetch(`${backend()}/admin/products/${products[0]!.id}`, {
    method: "POST",
    headers,
    body: JSON.stringify({ subtitle }),
  })
  expect(res.status).toBe(200)
}

test.describe("catalogue caching", () => {
  test("a product page is served from Next's cache after its first view", async ({ request }) => {
    const path = `/products/${SEEDED[2].handle}`
    await request.get(path)
    const again = await request.get(path)
    expect(again.status()).toBe(200)
    expect(again.headers()["x-nextjs-cache"]).toMatch(/^(HIT|STALE)$/)
  })

  test("a product edited in the admin reaches its page within the revalidate window", async ({ page }) => {
    const product = SEEDED[3]
    const token = await adminToken()
    const edited = `Edited in the admin at ${Date.now()}`
    await page.goto(`/products/${product.handle}`)
    await expect(page.getByText(edited)).toHaveCount(0)

    await setSubtitle(token, product.handle, edited)
    try {
      // The window is CATALOGUE_REVALIDATE_SECONDS (short in tests): reload until the page shows it.
      await expect
        .poll(
          async () => {
            await page.reload()
            return page.getByText(edited).count()
          },
          { timeout: 30_000, intervals: [1_000] },
        )
        .toBe(1)
    } finally {
      await setSubtitle(token, product.handle, "640 icons in three styles")
    }
  })
})
