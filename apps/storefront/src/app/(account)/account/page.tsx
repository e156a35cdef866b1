import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { AccountNav } from "@/features/account/components/account-nav"
import { signOut } from "@/features/account/actions"
import { ChangePasswordForm, ProfileForm } from "@/features/account/components/account-forms"
import { getCustomer } from "@/lib/medusa/customer"
import { currentSession } from "@/lib/session"

export const metadata: Metadata = { title: "Your account" }

export default async function AccountPage() {
  // The proxy already sent signed-out visitors to sign in; this covers an ended session.
  const session = await currentSession()
  if (!session) redirect("/sign-in?next=/account")
  const customer = await getCustomer(session.token)
  if (!customer.ok) {
    if (customer.status === 401) redirect("/sign-in?expired=1&next=/account")
    throw new Error(`Could not load the account (${customer.status})`)
  }
  const { email, first_name, last_name } = customer.value
  return (
    <section className="account">
      <AccountNav current="details" />
      <header className="account__header">
        <div>
          <h1>Your account</h1>
          <p className="muted" data-testid="account-email">
            Signed in as {email}
          </p>
        </div>
        <form action={signOut}>
          <button type="submit" className="button button--quiet">
            Sign out
          </button>
        </form>
      </header>
      <div className="account__panels">
        <ProfileForm firstName={first_name ?? ""} lastName={last_name ?? ""} />
        <ChangePasswordForm />
      </div>
    </section>
  )
}
