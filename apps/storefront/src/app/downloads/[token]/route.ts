import { NextResponse, type NextRequest } from "next/server"
import { requestDownload } from "@/lib/medusa/downloads"
import { reportError } from "@/lib/monitoring"
import { currentSession } from "@/lib/session"

/**
 * What went wrong, as a code the library page turns into its own words: the backend's message
 * never travels in the URL, where anyone could write a link that puts their text in our alert.
 */
function problemOf(status: number, type: string | undefined): string {
  if (status === 404) return "not-found"
  if (status === 410) return "revoked"
  if (status === 429) return type === "download_limit_reached" ? "limit" : "busy"
  return "unavailable"
}

/** A redirect within this site, relative: behind proxies the server may not know its public host. */
function redirectHere(path: string, status = 307) {
  return new Response(null, { status, headers: { Location: path, "Cache-Control": "no-store" } })
}

/**
 * The stable link customers see and receive: /downloads/<token>. It asks the backend (token and
 * owner checked there) and sends the browser straight to the presigned URL; the file itself
 * never flows through this server.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const here = `/downloads/${encodeURIComponent(token)}`
  const session = await currentSession()
  if (!session) return redirectHere(`/sign-in?next=${encodeURIComponent(here)}`)

  let answer: Response
  try {
    answer = await requestDownload(session.token, token, request.headers.get("user-agent"))
  } catch (error) {
    // The backend could not be reached: tell the customer, and us.
    reportError(error, { area: "download" })
    return redirectHere(`/account/downloads?${new URLSearchParams({ problem: "unavailable" })}`, 303)
  }
  const location = answer.headers.get("location")
  if (answer.status === 302 && location) {
    const response = NextResponse.redirect(location, 302)
    response.headers.set("Cache-Control", "no-store")
    return response
  }
  if (answer.status === 401) return redirectHere(`/sign-in?expired=1&next=${encodeURIComponent(here)}`)
  const type = answer.headers.get("content-type")?.includes("json")
    ? ((await answer.json().catch(() => ({}))) as { type?: string }).type
    : undefined
  return redirectHere(`/account/downloads?${new URLSearchParams({ problem: problemOf(answer.status, type) })}`, 303)
}
