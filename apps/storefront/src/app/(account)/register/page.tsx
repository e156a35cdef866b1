import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { RegisterForm } from "@/features/account/components/register-form"
import { currentSession } from "@/lib/session"
import { safeNextPath } from "@/lib/session-token"

export const metadata: Metadata = { title: "Create an account" }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function RegisterPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next)
  if (await currentSession()) redirect(next)
  return (
    <section className="auth">
      <h1>Create an account</h1>
      <p className="muted">Your purchases live in your account, ready to download again at any time.</p>
      <RegisterForm next={next} />
    </section>
  )
}
