import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { AccountNav } from "@/features/account/components/account-nav"
import { DownloadList } from "@/features/downloads/components/download-list"
import { listDownloads } from "@/lib/medusa/downloads"
import { currentSession } from "@/lib/session"

export const metadata: Metadata = { title: "Your downloads" }

/** Our own words for each problem a download link can meet (the URL carries only the code). */
const PROBLEMS: Record<string, string> = {
  "not-found": "There is no such download in this account. If you bought it with another email address, sign in with that one.",
  revoked: "Access to that file was withdrawn, usually after a refund. Contact us if this looks wrong.",
  limit: "That file has reached its download limit. Contact us and we will reset it.",
  busy: "Too many downloads in a short time. Please wait a few minutes and try again.",
  unavailable: "The download couldn't start. Please try again.",
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function DownloadsPage({ searchParams }: Props) {
  const session = await currentSession()
  if (!session) redirect("/sign-in?next=/account/downloads")
  const { problem } = await searchParams
  const downloads = await listDownloads(session.token)
  if (!downloads.ok) {
    if (downloads.status === 401) redirect("/sign-in?expired=1&next=/account/downloads")
    throw new Error(`Could not load the downloads (${downloads.status})`)
  }
  return (
    <section className="account">
      <AccountNav current="downloads" />
      <h1>Your downloads</h1>
      {typeof problem === "string" ? (
        <p className="form-message form-message--error" role="alert">
          {PROBLEMS[problem] ?? PROBLEMS.unavailable}
        </p>
      ) : null}
      <DownloadList items={downloads.value} emptyText="Nothing here yet. Everything you buy appears here, ready to download again at any time." />
    </section>
  )
}
