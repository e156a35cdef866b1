import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendStaffInviteEmail } from "../workflows/notifications/staff-invite"

/** A staff invite created or resent in the admin: email its accept link. */
export default async function inviteCreated({ event, container }: SubscriberArgs<{ id: string }>) {
  await sendStaffInviteEmail(container, event.data.id)
}

export const config: SubscriberConfig = { event: ["invite.created", "invite.resent"] }
