import { z } from "@medusajs/framework/zod"

export const AdminRevokeEntitlement = z.object({ reason: z.string().trim().max(300).optional() }).strict()
export type AdminRevokeEntitlementType = z.infer<typeof AdminRevokeEntitlement>
