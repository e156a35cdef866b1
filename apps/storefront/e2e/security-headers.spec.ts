import { expect, test } from "@playwright/test"
import { SEEDED } from "./fixtures/catalogue"

const cspOf = (headers: Record<string, string>) => headers["content-security-policy"] ?? ""
const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1]

test.describe("security headers", () => {
  test("catalogue pages carry the static policy and the common headers, and are still served from the cache", async ({ request }) => {
    for (const path of ["/", `/products/${SEEDED[0].handle}`]) {
      await request.get(path)
      const res = await request.get(path)
      const headers = res.headers()
      expect(res.status()).toBe(200)
      expect(headers["x-nextjs-cache"], path).toMatch(/^(HIT|STALE)$/)
      const csp = cspOf(headers)
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).not.toContain("nonce-")
      expect(csp).not.toContain("stripe")
      expect(headers["strict-transport-security"]).toMatch(/^max-age=\d+/)
      expect(headers["x-frame-options"]).toBe("DENY")
      expect(headers["x-content-type-options"]).toBe("nosniff")
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin")
      expect(headers["x-powered-by"]).toBeUndefined()
    }
  })

  test("dynamic pages get a fresh nonce per request, on the header and on the page's scripts", async ({ request }) => {
    const first = await request.get("/sign-in")
    const second = await request.get("/sign-in")
    const [a, b] = [nonceOf(cspOf(first.headers())), nonceOf(cspOf(second.headers()))]
    expect(a).toBeTruthy()
    expect(b).toBeTruthy()
    expect(a).not.toBe(b)
    expect(cspOf(first.headers())).toContain("'strict-dynamic'")
    expect(cspOf(first.headers())).toContain("https://js.stripe.com")
    const html = await second.text()
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag).toContain(`nonce="${b}"`)
    expect(first.headers()["x-frame-options"]).toBe("DENY")
  })

  test("pages work under their policy: no violation while browsing, signing up and opening the checkout", async ({ page }) => {
    const violations: string[] = []
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (load|execute|connect|frame)/i.test(message.text())) violations.push(message.text())
    })
    await page.goto("/")
    await page.goto(`/products/${SEEDED[0].handle}`)
    await page.getByRole("button", { name: "Add to cart" }).click()
    await expect(page.getByText("Added to your cart.")).toBeVisible()
    await page.goto("/cart")
    await expect(page.getByTestId("cart-line")).toHaveCount(1)
    await page.goto("/sign-in")
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible()
    expect(violations).toEqual([])
  })
})
