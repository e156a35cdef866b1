import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { SignInForm } from "@/features/account/components/sign-in-form"
import { currentSession } from "@/lib/session"
import { safeNextPath } from "@/lib/session-token"

export const metadata: Metadata = { title: "Sign in" }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams
  const next = safeNextPath(params.next)
  if (await currentSession() && !params.expired) redirect(next)
  return (
    <section className="auth">
      <h1>Sign in</h1>
      {params.reset ? (
        <p className="form-message form-message--success" role="status">
          Your password is changed. Sign in with the new one.
        </p>
      ) : null}
      {params.expired ? (
        <p className="form-message" role="status">
          Your session has ended. Please sign in again.
        </p>
      ) : null}
      <SignInForm next={next} />
    </section>
  )
}
