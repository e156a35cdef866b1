import { z } from "@medusajs/framework/zod"

export const AdminRevokeEntitlement = z.object({ reason: z.string().trim().max(300).optional() }).strict()
export type AdminRevokeEntitlementType = z.infer<typeof AdminRevokeEntitlement>

/** Staff actions that take no options: anything sent is a mistake worth a 400. */
export const AdminNoOptions = z.object({}).strict()
