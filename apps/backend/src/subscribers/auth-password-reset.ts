import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { backendEnv } from "../lib/env"
import { sendEmailWorkflow } from "../workflows/notifications/workflows/send-email"

type PasswordResetEvent = { entity_id: string; actor_type: string; token: string }

/** Medusa's reset tokens live 15 minutes (core-flows generate-reset-password-token). */
const RESET_TOKEN_MINUTES = 15

/** Customers reset in the storefront; staff in the Medusa admin's own page. */
export default async function authPasswordReset({ event, container }: SubscriberArgs<PasswordResetEvent>) {
  const { entity_id: email, actor_type, token } = event.data
  if (actor_type !== "customer" && actor_type !== "user") return
  const env = backendEnv()
  const query = new URLSearchParams({ token, email }).toString()
  const resetUrl =
    actor_type === "customer" ? `${env.STOREFRONT_URL}/reset-password?${query}` : `${env.MEDUSA_BACKEND_URL}/app/reset-password?${query}`
  await sendEmailWorkflow(container).run({
    input: {
      to: email,
      template: "password-reset",
      data: { resetUrl, audience: actor_type === "customer" ? "customer" : "staff", expiresInMinutes: RESET_TOKEN_MINUTES },
    },
  })
}

export const config: SubscriberConfig = { event: "auth.password_reset" }
