import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createInvitesWorkflow } from "@medusajs/medusa/core-flows"
import { backendEnv } from "../lib/env"
import { prepareShop } from "../seed/seed-shop"
import { sendStaffInviteEmail, staffInviteKey } from "../workflows/notifications/staff-invite"

/**
 * `medusa exec ./src/scripts/bootstrap.ts`: prepares a new environment's data, and may be run again
 * at any time (it only creates what is missing). Regions and GST, this environment's payment
 * providers, the storefront's sales channel and publishable key (printed, for the storefront's
 * MEDUSA_PUBLISHABLE_KEY), and, with BOOTSTRAP_ADMIN_EMAIL, an emailed invite for the first admin
 * while the shop has no staff yet. No products: staff add them in the admin.
 */
export default async function bootstrap({ container }: ExecArgs) {
  await bootstrapShop(container, { adminEmail: backendEnv().BOOTSTRAP_ADMIN_EMAIL })
}

export async function bootstrapShop(container: ExecArgs["container"], options: { adminEmail?: string }) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { publishableKey } = await prepareShop(container)
  if (options.adminEmail) await inviteFirstAdmin(container, options.adminEmail)
  logger.info(`Bootstrap done. Storefront setting: MEDUSA_PUBLISHABLE_KEY=${publishableKey}`)
  return { publishableKey }
}

async function inviteFirstAdmin(container: ExecArgs["container"], email: string) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const users = container.resolve(Modules.USER)
  if ((await users.listUsers({}, { take: 1 })).length > 0) {
    logger.info("Bootstrap: the shop has staff already; no invite sent.")
    return
  }
  const [pending] = await users.listInvites({ email })
  if (pending && !pending.accepted && new Date(pending.expires_at) > new Date()) {
    logger.info(`Bootstrap: ${email} is invited already (until ${new Date(pending.expires_at).toUTCString()}).`)
    await sendStaffInviteEmail(container, pending.id)
    return
  }
  if (pending) await users.deleteInvites([pending.id])
  const { result } = await createInvitesWorkflow(container).run({ input: { invites: [{ email }] } })
  // The invite.created subscriber may be sending the same email this moment: one of the two wins
  // the idempotency key, and the other's failure is no failure.
  const invite = result[0]!
  await sendStaffInviteEmail(container, invite.id).catch(async (error: Error) => {
    // Filterable by recipient and template only: the key tells this invite's email from older ones.
    const sent = await container.resolve(Modules.NOTIFICATION).listNotifications({ to: email, template: "staff-invite" })
    if (!sent.some((n) => (n as { idempotency_key?: string | null }).idempotency_key === staffInviteKey(invite))) throw error
  })
  logger.info(`Bootstrap: invited ${email} as the first admin.`)
}
