import { NextResponse, type NextRequest } from "next/server"
import { env } from "./env"
import { SESSION_COOKIE, verifySessionToken } from "./lib/session-token"

/**
 * Guards account pages before they render: a visitor without a valid session (signature and
 * expiry checked here, no Medusa call) goes to sign in and comes back afterwards.
 */
export async function proxy(request: NextRequest) {
  const session = await verifySessionToken(request.cookies.get(SESSION_COOKIE)?.value, env().MEDUSA_JWT_SECRET)
  if (session) return NextResponse.next()
  const signIn = new URL("/sign-in", request.url)
  signIn.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search)
  return NextResponse.redirect(signIn)
}

export const config = {
  matcher: ["/account", "/account/:path*"],
}
