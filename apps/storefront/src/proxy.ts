import { NextResponse, type NextRequest } from "next/server"
import { env, isPrivateMode } from "./env"
import { isCataloguePath, newNonce, pageCsp } from "./lib/security-headers"
import { SESSION_COOKIE, verifySessionToken } from "./lib/session-token"

/** Pages a signed-out visitor may always open: the ways into an account. */
const OPEN_PATHS = ["/sign-in", "/register", "/forgot-password", "/reset-password"]

/** Pages that are always a customer's own: account, order confirmations, downloads. */
const isAccountPath = (path: string) =>
  path === "/account" || path.startsWith("/account/") || path.startsWith("/order/") || path.startsWith("/downloads/")

/**
 * Dynamic pages get a Content Security Policy with a fresh nonce, which Next reads from the
 * request's own CSP header and puts on its scripts. Cached catalogue pages keep the static policy
 * from next.config.ts (ADR 0021).
 */
function next(request: NextRequest): NextResponse {
  if (isCataloguePath(request.nextUrl.pathname)) return NextResponse.next()
  const csp = pageCsp(env(), newNonce())
  const headers = new Headers(request.headers)
  headers.set("content-security-policy", csp)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set("content-security-policy", csp)
  return response
}

/**
 * Runs before any page, cached or not. Account pages need a session; in private mode (Phase 1)
 * every page but the ways in does. The session's signature and expiry are checked here with the
 * backend's secret: no Medusa call per page view.
 */
export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname
  const guarded = isAccountPath(path) || (isPrivateMode(env()) && !OPEN_PATHS.includes(path))
  if (!guarded) return next(request)
  const session = await verifySessionToken(request.cookies.get(SESSION_COOKIE)?.value, env().MEDUSA_JWT_SECRET)
  if (session) return next(request)
  const signIn = new URL("/sign-in", request.url)
  signIn.searchParams.set("next", path + request.nextUrl.search)
  return NextResponse.redirect(signIn)
}

export const config = {
  // Everything but Next's own assets and the image optimiser, which serve no page.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
}
