import "server-only"
import { redirect } from "next/navigation"
import { PRIVATE_BUILD } from "./private-mode"
import { currentSession } from "./session"

/**
 * Catalogue pages call this first. In an open build it does nothing and the page stays static; in
 * a private build it reads the session cookie (so the page renders per request) and sends a
 * signed-out visitor to sign-in, as the proxy does for every other page.
 */
export async function requireVisitorInPrivateMode(path: string): Promise<void> {
  if (!PRIVATE_BUILD) return
  if (await currentSession()) return
  redirect(`/sign-in?next=${encodeURIComponent(path)}`)
}
