// Relative imports: next.config.ts loads this file, and it resolves no path aliases.
import { isPrivateMode, type StorefrontEnv } from "../env"

/**
 * Private mode is fixed when the storefront is built (ADR 0027): next.config.ts writes the value
 * into the build, so catalogue pages are prerendered in an open shop and rendered per visitor,
 * behind a session check, in a private one. The proxy never runs for catalogue pages.
 */
export const PRIVATE_BUILD = process.env.VESPERTENE_PRIVATE_BUILD === "true"

/** The value next.config.ts writes into the build. */
export const privateBuildFlag = (env: StorefrontEnv): string => String(isPrivateMode(env))

/**
 * `next start` stops when the environment asks for another mode than the build has: an open build
 * started with PRIVATE_MODE=true would show its prerendered catalogue to everyone.
 */
export function checkBuildMatchesPrivateMode(env: StorefrontEnv, builtPrivate: boolean): void {
  const wanted = isPrivateMode(env)
  if (wanted === builtPrivate) return
  const state = (on: boolean) => (on ? "on" : "off")
  throw new Error(
    `PRIVATE_MODE asks for private mode ${state(wanted)}, but this build was made with it ${state(builtPrivate)}. ` +
      "Private mode is fixed at build time (ADR 0027): rebuild the storefront with the same PRIVATE_MODE and APP_ENV it runs with.",
  )
}
