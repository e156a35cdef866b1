import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { backendEnv } from "../lib/env"
import { sendEmailWorkflow } from "../workflows/notifications/workflows/send-email"

/** A staff invite created or resent in the admin: email its accept link. */
export default async function inviteCreated({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "invite", fields: ["email", "token", "expires_at"], filters: { id: event.data.id } })
  const invite = data[0]
  if (!invite) return
  const acceptUrl = `${backendEnv().MEDUSA_BACKEND_URL}/app/invite?${new URLSearchParams({ token: invite.token })}`
  await sendEmailWorkflow(container).run({
    input: {
      to: invite.email,
      template: "staff-invite",
      data: { acceptUrl, expiresAt: invite.expires_at ? new Date(invite.expires_at).toUTCString() : null },
    },
  })
}

export const config: SubscriberConfig = { event: ["invite.created", "invite.resent"] }
