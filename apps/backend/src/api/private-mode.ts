import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { backendEnv, isPrivateMode } from "../lib/env"

/**
 * Phase 1 is invitation-only (ADR 0016): an invitation is a customer that staff created in the
 * admin (Customers → Create) with no account yet. While private mode is on, registering (the
 * login, or the customer record) is refused for any other email, here in the backend, whatever
 * the caller.
 */
export async function onlyInvitedRegistrations(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!isPrivateMode(backendEnv())) return next()
  const email = String((req.body as { email?: unknown } | undefined)?.email ?? "").trim().toLowerCase()
  const invited =
    email.length > 0 &&
    (await req.scope.resolve(Modules.CUSTOMER).listCustomers({ email, has_account: false }, { take: 1, select: ["id"] })).length > 0
  if (invited) return next()
  res.status(403).json({
    type: "not_allowed",
    message: "Vespertene is open by invitation only for now. Ask us for an invitation, then register with the invited email.",
  })
}
