import type { Metadata } from "next"
import Link from "next/link"
import { ResetPasswordForm } from "@/features/account/components/reset-password-form"

export const metadata: Metadata = { title: "Choose a new password" }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token, email } = await searchParams
  if (typeof token !== "string" || !token) {
    return (
      <section className="auth">
        <h1>This reset link is incomplete</h1>
        <p>Open the link from the email again, or ask for a new one.</p>
        <Link href="/forgot-password" className="button">
          Ask for a new link
        </Link>
      </section>
    )
  }
  return (
    <section className="auth">
      <h1>Choose a new password</h1>
      {typeof email === "string" ? <p className="muted">For {email}</p> : null}
      <ResetPasswordForm token={token} />
    </section>
  )
}
