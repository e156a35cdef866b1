import { NextResponse, type NextRequest } from "next/server"
import { env } from "./env"
import { PRIVATE_BUILD } from "./lib/private-mode"
import { newNonce, pageCsp } from "./lib/security-headers"
import { SESSION_COOKIE, verifySessionToken } from "./lib/session-token"

/** Pages a signed-out visitor may always open: the ways into an account. */
const OPEN_PATHS = ["/sign-in", "/register", "/forgot-password", "/reset-password"]

/** Pages that are always a customer's own: account and order confirmations. */
const isAccountPath = (path: string) => path === "/account" || path.startsWith("/account/") || path.startsWith("/order/")

/**
 * Dynamic pages get a Content Security Policy with a fresh nonce, which Next reads from the
 * request's own CSP header and puts on its scripts. Catalogue pages never come here (see the
 * matcher): they keep the static policy from next.config.ts (ADR 0021).
 */
function next(request: NextRequest): NextResponse {
  const csp = pageCsp(env(), newNonce())
  const headers = new Headers(request.headers)
  headers.set("content-security-policy", csp)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set("content-security-policy", csp)
  return response
}

/**
 * Runs before every page but the catalogue's. Account pages need a session; in a private build
 * (Phase 1) every page but the ways in does, and the catalogue pages check it themselves
 * (ADR 0027). The session's signature and expiry are checked here with the backend's secret: no
 * Medusa call per page view.
 */
export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname
  const guarded = isAccountPath(path) || (PRIVATE_BUILD && !OPEN_PATHS.includes(path))
  if (!guarded) return next(request)
  const session = await verifySessionToken(request.cookies.get(SESSION_COOKIE)?.value, env().MEDUSA_JWT_SECRET)
  if (session) return next(request)
  const signIn = new URL("/sign-in", request.url)
  signIn.searchParams.set("next", path + request.nextUrl.search)
  return NextResponse.redirect(signIn)
}

export const config = {
  // Everything but Next's own assets and the image optimiser, which serve no page; the
  // catalogue pages ("/", "/licence", "/products/<handle>", as isCataloguePath), which are served
  // straight from the cache: running the proxy for them cost a third of their throughput (ADR 0027);
  // and the download links, a route handler that checks the session itself and answers only with
  // redirects (the proxy's second check cost a fifth of their throughput).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|licence$|products/[^/]+$|downloads/).+)"],
}
