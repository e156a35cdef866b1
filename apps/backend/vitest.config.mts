import { defineConfig } from "vitest/config"

/** Unit tests of plain backend code (no Medusa app); the integration lane boots Medusa itself. */
export default defineConfig({
  test: { include: ["tests/**/*.test.ts"] },
})
