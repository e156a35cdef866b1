import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { customerClaims } from "../../../lib/customer-token"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

const PROVIDER = "emailpass"

export type PasswordIdentity = { auth_identity_id: string; email: string }

/** The email/password identity behind a customer's auth identity. */
export const findPasswordIdentityStep = createStep(
  "find-password-identity",
  async (input: { auth_identity_id: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const [identity] = await auth.listProviderIdentities({ auth_identity_id: input.auth_identity_id, provider: PROVIDER })
    if (!identity) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This account has no password to change")
    return new StepResponse<PasswordIdentity>({ auth_identity_id: input.auth_identity_id, email: identity.entity_id })
  },
)

/** Checks a password without issuing a session. */
export const verifyPasswordStep = createStep(
  "verify-password",
  async (input: { email: string; password: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const { success } = await auth.authenticate(PROVIDER, { body: { email: input.email, password: input.password } })
    if (!success) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "The current password is incorrect")
    return new StepResponse(true)
  },
)

/** Redeems a single-use reset token from Medusa's reset flow (auth.password_reset). */
export const redeemResetTokenStep = createStep(
  "redeem-reset-token",
  async (input: { token: string }, { container }) => {
    const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
    const invalid = new MedusaError(MedusaError.Types.UNAUTHORIZED, "This reset link is invalid or has expired")
    const claims = customerClaims<{ entity_id?: string; purpose?: string; jti?: string }>(`Bearer ${input.token}`, http)
    if (!claims?.entity_id || claims.purpose !== "reset" || !claims.jti) throw invalid
    const auth = container.resolve(Modules.AUTH)
    try {
      await auth.consumePasswordResetToken({ jti: claims.jti, provider: PROVIDER, entity_id: claims.entity_id })
    } catch {
      throw invalid
    }
    const [identity] = await auth.listProviderIdentities({ entity_id: claims.entity_id, provider: PROVIDER })
    if (!identity) throw invalid
    return new StepResponse<PasswordIdentity>({ auth_identity_id: identity.auth_identity_id!, email: identity.entity_id })
  },
)

/** Sets a new password. There is no compensation: the old password is not kept anywhere. */
export const setPasswordStep = createStep(
  "set-password",
  async (input: { email: string; password: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const { success, error } = await auth.updateProvider(PROVIDER, { entity_id: input.email, password: input.password })
    if (!success) throw new MedusaError(MedusaError.Types.INVALID_DATA, error ?? "The password could not be changed")
    return new StepResponse(true)
  },
)

/**
 * Ends every session issued so far: tokens carry the auth identity's `session_version` from
 * when they were issued, and the store middleware refuses a token whose version is behind.
 */
export const bumpSessionVersionStep = createStep(
  "bump-session-version",
  async (input: { auth_identity_id: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const identity = await auth.retrieveAuthIdentity(input.auth_identity_id)
    const previous = identity.app_metadata ?? {}
    const version = Number(previous.session_version ?? 0) + 1
    await auth.updateAuthIdentities({ id: identity.id, app_metadata: { ...previous, session_version: version } })
    return new StepResponse(version, { id: identity.id, previous })
  },
  async (saved, { container }) => {
    if (!saved) return
    await container.resolve(Modules.AUTH).updateAuthIdentities({ id: saved.id, app_metadata: saved.previous })
  },
)
