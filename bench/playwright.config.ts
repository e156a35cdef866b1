import { defineConfig } from "@playwright/test"
import e2e from "../apps/storefront/playwright.config"

/**
 * The browser part of the benchmark (bench/run.ts starts the apps and passes their URLs), in the
 * same offline Chromium as the e2e tests.
 */
export default defineConfig({
  testDir: "./browser",
  testMatch: "*.bench.ts",
  timeout: 120_000,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: process.env.E2E_STOREFRONT_URL,
    browserName: "chromium",
    launchOptions: e2e.use?.launchOptions,
  },
})
