import { expect, test, type Page } from "@playwright/test"
import { createHash } from "node:crypto"
import { readFile } from "node:fs/promises"
import { AccountPages, uniqueEmail, waitForEmail } from "./fixtures/accounts"
import { SEEDED } from "./fixtures/catalogue"
import { CARDS, CheckoutPages, downloadsOf, offlineStripe, ordersOf } from "./fixtures/checkout"
import { storedSha256 } from "./fixtures/orders"

const PASSWORD = "checkout-password-123"
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex")

/** A signed-in customer with one product in the cart, on the checkout page with the payment form ready. */
async function readyToPay(page: Page, handle: string, label: string) {
  await offlineStripe(page)
  const email = uniqueEmail(label)
  const account = new AccountPages(page)
  await account.register({ email, password: PASSWORD })
  await account.expectSignedInAs(email)
  const checkout = new CheckoutPages(page)
  await checkout.addToCart(handle)
  await checkout.openCheckout()
  await checkout.paymentFormReady()
  return { email, checkout }
}

test.describe("checkout with Stripe's Payment Element", () => {
  test("a new customer adds a product, signs up at checkout, pays, lands on the confirmation page and downloads the file", async ({ page }) => {
    await offlineStripe(page)
    // The whole purchase runs under the pages' Content Security Policies.
    const violations: string[] = []
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (load|execute|connect|frame)/i.test(message.text())) violations.push(message.text())
    })
    const product = SEEDED[0]
    const checkout = new CheckoutPages(page)
    await checkout.addToCart(product.handle)
    await expect(page.getByTestId("cart-link")).toHaveAccessibleName("Cart, 1 item")
    await page.getByRole("link", { name: "View cart" }).click()
    await expect(page.getByTestId("cart-line")).toHaveCount(1)
    await expect(page.getByTestId("cart-line")).toContainText(product.title)
    await expect(checkout.total()).toHaveText(product.price)
    await expect(checkout.gst()).toHaveText(product.gst)

    // A visitor is asked to sign in or create an account first; the cart is kept.
    await page.getByRole("link", { name: "Checkout" }).click()
    await expect(page.getByRole("heading", { name: "Sign in to pay" })).toBeVisible()
    await expect(page.getByRole("button", { name: /^Pay/ })).toHaveCount(0)
    await page.getByRole("link", { name: "Create an account" }).click()
    await expect(page).toHaveURL(/\/register\?next=%2Fcheckout|\/register\?next=\/checkout/)
    const email = uniqueEmail("checkout")
    await new AccountPages(page).register({ email, password: PASSWORD, first: "Grace", last: "Hopper" })
    await expect(page).toHaveURL(/\/checkout$/)
    await checkout.paymentFormReady()
    await expect(page.getByLabel("Email for your receipt")).toHaveValue(email)
    await expect(page.getByLabel("Name on the card")).toHaveValue("Grace Hopper")
    await expect(page.getByRole("list", { name: "Your order" })).toContainText(product.title)
    await expect(checkout.total()).toHaveText(product.price)
    await expect(checkout.gst()).toHaveText(product.gst)

    await checkout.fillCard(CARDS.visa)
    await checkout.payButton().click()
    await expect(checkout.payButton()).toHaveText("Paying…")
    await expect(page).toHaveURL(/\/order\/order_\w+\/confirmed$/)
    await expect(page.getByRole("heading", { level: 1 })).toContainText("is confirmed")
    await expect(page.getByTestId("order-total")).toHaveText(product.price)
    const item = page.getByTestId("download-item").filter({ hasText: product.title })
    await expect(item).toHaveCount(1)

    const [download] = await Promise.all([page.waitForEvent("download"), item.getByRole("link", { name: "Download" }).click()])
    expect(sha256(await readFile(await download.path()))).toBe(await storedSha256(product.handle))
    await waitForEmail(email, /Your Vespertene order #\d+/)
    await expect(page.getByTestId("cart-link")).toHaveAccessibleName("Cart")
    expect(violations).toEqual([])
  })

  test("the order, its downloads and its email still appear when the tab closes right after paying (webhook alone)", async ({ page }) => {
    const product = SEEDED[2]
    const { email, checkout } = await readyToPay(page, product.handle, "closed-tab")
    // The moment Stripe has confirmed, the browser goes away: the cart is never completed by it.
    let confirmed = false
    page.on("response", (response) => {
      if (/\/v1\/payment_intents\/pi_\w+\/confirm$/.test(response.url()) && response.status() === 200) confirmed = true
    })
    await page.route("**/checkout", (route) =>
      confirmed && route.request().method() === "POST" ? route.abort("connectionclosed") : route.continue(),
    )
    await checkout.fillCard(CARDS.visa)
    await checkout.payButton().click()
    await expect.poll(() => confirmed, { timeout: 10_000 }).toBe(true)
    await page.close()

    await expect.poll(async () => (await ordersOf(email, PASSWORD)).length, { timeout: 30_000, intervals: [250] }).toBe(1)
    await expect
      .poll(async () => (await downloadsOf(email, PASSWORD)).map((d) => d.product_title), { timeout: 20_000, intervals: [250] })
      .toEqual([product.title])
    await waitForEmail(email, /Your Vespertene order #\d+/)
  })

  test("a declined card shows an inline error, creates no order, and the buyer can try again", async ({ page }) => {
    const { email, checkout } = await readyToPay(page, SEEDED[3].handle, "declined")
    // A missing name is caught before anything reaches Stripe, and its field takes the focus.
    const name = page.getByLabel("Name on the card")
    const given = await name.inputValue()
    await name.fill("")
    await checkout.payButton().click()
    await expect(page.getByText("Enter the cardholder's name")).toBeVisible()
    await expect(name).toBeFocused()
    await expect(name).toHaveAttribute("aria-invalid", "true")
    await name.fill(given)

    await checkout.fillCard(CARDS.declined)
    await checkout.payButton().click()
    await expect(page.getByRole("alert").filter({ hasText: "Your card was declined." })).toBeVisible()
    await expect(page).toHaveURL(/\/checkout$/)
    await expect(checkout.payButton()).toBeEnabled()
    expect(await ordersOf(email, PASSWORD)).toHaveLength(0)

    await checkout.fillCard(CARDS.visa)
    await checkout.payButton().click()
    await expect(page).toHaveURL(/\/order\/order_\w+\/confirmed$/)
    expect(await ordersOf(email, PASSWORD)).toHaveLength(1)
  })

  test("a card that needs 3-D Secure is authenticated in place and the order appears", async ({ page }) => {
    const product = SEEDED[4]
    const { email, checkout } = await readyToPay(page, product.handle, "three-d-secure")
    await checkout.fillCard(CARDS.threeDSecure)
    await checkout.payButton().click()
    const challenge = page.getByRole("dialog", { name: "3D Secure authentication" })
    await expect(challenge).toBeVisible()
    await challenge.getByRole("button", { name: "Complete authentication" }).click()
    await expect(page).toHaveURL(/\/order\/order_\w+\/confirmed$/)
    await expect(page.getByTestId("download-item").filter({ hasText: product.title })).toHaveCount(1)
    expect(await ordersOf(email, PASSWORD)).toHaveLength(1)
  })

  test("an Australian buyer pays GST; a buyer in New Zealand pays none, and the totals change with the country", async ({ page }) => {
    const product = SEEDED[5]
    const { checkout } = await readyToPay(page, product.handle, "new-zealand")
    await expect(checkout.total()).toHaveText(product.price)
    await expect(checkout.gst()).toHaveText(product.gst)

    await page.getByLabel("Country").selectOption({ label: "New Zealand" })
    const exGst = `$${((Math.round(Number(product.price.slice(1)) * 100) - Math.round(Number(product.gst.slice(1)) * 100)) / 100).toFixed(2)}`
    await expect(checkout.total()).toHaveText(exGst)
    await expect(checkout.gst()).toHaveText("none (outside Australia)")
    await expect(checkout.payButton()).toHaveText(`Pay ${exGst}`)

    await checkout.fillCard(CARDS.visa)
    await checkout.payButton().click()
    await expect(page).toHaveURL(/\/order\/order_\w+\/confirmed$/)
    await expect(page.getByTestId("order-total")).toHaveText(exGst)
    await expect(page.getByText("none (export)")).toBeVisible()
  })

  test("promo codes: a valid code takes 10 % off and can be removed; an unknown code is refused with a clear message", async ({ page }) => {
    const checkout = new CheckoutPages(page)
    const product = SEEDED[1]
    await offlineStripe(page)
    await checkout.addToCart(product.handle)
    await page.goto("/cart")
    await page.getByLabel("Promo code").fill("NOT-A-CODE")
    await page.getByRole("button", { name: "Apply" }).click()
    await expect(page.getByText("The code NOT-A-CODE isn't valid.")).toBeVisible()
    await expect(page.getByLabel("Promo code")).toHaveAttribute("aria-invalid", "true")
    await expect(checkout.total()).toHaveText(product.price)

    await page.getByLabel("Promo code").fill("LAUNCH10")
    await page.getByRole("button", { name: "Apply" }).click()
    await expect(page.getByText("Code LAUNCH10 applied.")).toBeVisible()
    await expect(page.getByTestId("cart-totals")).toContainText("Subtotal$49.00Discount−$4.90")
    await expect(checkout.total()).toHaveText("$44.10")
    await page.getByRole("button", { name: "Remove code LAUNCH10" }).click()
    await expect(checkout.total()).toHaveText(product.price)

    // Removing the line empties the cart, and the header says so.
    await page.getByRole("button", { name: `Remove ${product.title}` }).click()
    await expect(page.getByText("Your cart is empty.")).toBeVisible()
    await expect(page.getByTestId("cart-link")).toHaveAccessibleName("Cart")
  })
})
