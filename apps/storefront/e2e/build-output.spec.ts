import { expect, test } from "@playwright/test"
import { readdir, readFile } from "node:fs/promises"
import { join } from "node:path"

/** Every file the production build wrote (server and browser bundles, prerendered pages, manifests). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

/** The open build and the private one (ADR 0027). */
const builds = [".next", process.env.E2E_PRIVATE_DIST_DIR ?? ".next-private"]

test("no server secret (Stripe keys, webhook secret, JWT, cookie and proxy secrets) is in any file of the storefront's builds", async () => {
  const secrets = JSON.parse(process.env.E2E_SERVER_SECRETS ?? "[]") as string[]
  expect(secrets.length).toBeGreaterThan(4)
  const files = (await Promise.all(builds.map((build) => filesUnder(join(process.cwd(), build))))).flat()
  expect(files.length).toBeGreaterThan(50)
  const leaks: string[] = []
  for (const file of files) {
    const content = await readFile(file)
    for (const secret of secrets) if (content.includes(secret)) leaks.push(`${file}: ${secret.slice(0, 8)}…`)
  }
  expect(leaks).toEqual([])
})

test("the browser bundles of both builds contain no Stripe secret or webhook key of any account", async () => {
  const files = (await Promise.all(builds.map((build) => filesUnder(join(process.cwd(), build, "static"))))).flat()
  const scripts = files.filter((f) => f.endsWith(".js"))
  expect(scripts.length).toBeGreaterThan(5)
  const found = []
  for (const file of scripts) if (/\b(sk|rk)_(test|live)_\w{8,}|whsec_\w{8,}/.test(await readFile(file, "utf8"))) found.push(file)
  expect(found).toEqual([])
})
