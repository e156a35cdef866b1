import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { backendEnv } from "../../lib/env"
import { sendEmailWorkflow } from "./workflows/send-email"

/** One email per invite token. */
export function staffInviteKey(invite: { id: string; token: string }): string {
  return `staff-invite:${invite.id}:${invite.token.slice(-16)}`
}

/**
 * Emails a staff invite's accept link, once per invite token (a resend makes a new token, and so a
 * new email): the invite.created subscriber and the bootstrap command may both ask.
 */
export async function sendStaffInviteEmail(container: MedusaContainer, inviteId: string): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "invite", fields: ["id", "email", "token", "expires_at"], filters: { id: inviteId } })
  const invite = data[0]
  if (!invite) return
  const acceptUrl = `${backendEnv().MEDUSA_BACKEND_URL}/app/invite?${new URLSearchParams({ token: invite.token })}`
  await sendEmailWorkflow(container).run({
    input: {
      to: invite.email,
      template: "staff-invite",
      idempotency_key: staffInviteKey(invite),
      data: { acceptUrl, expiresAt: invite.expires_at ? new Date(invite.expires_at).toUTCString() : null },
    },
  })
}
