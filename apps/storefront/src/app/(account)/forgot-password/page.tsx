import type { Metadata } from "next"
import Link from "next/link"
import { ForgotPasswordForm } from "@/features/account/components/forgot-password-form"

export const metadata: Metadata = { title: "Forgot your password" }

export default function ForgotPasswordPage() {
  return (
    <section className="auth">
      <h1>Forgot your password?</h1>
      <p className="muted">Enter your account&rsquo;s email and we&rsquo;ll send you a link to choose a new password.</p>
      <ForgotPasswordForm />
      <p className="form__links">
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </section>
  )
}
