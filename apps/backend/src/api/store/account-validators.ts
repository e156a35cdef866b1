import { z } from "@medusajs/framework/zod"

export const PASSWORD_MIN_LENGTH = 10

const password = z.string().min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`).max(200)

export const StoreChangePassword = z
  .object({ current_password: z.string().min(1).max(200), new_password: password })
  .strict()
export type StoreChangePasswordType = z.infer<typeof StoreChangePassword>

export const StoreResetPassword = z.object({ token: z.string().min(10).max(4000), password }).strict()
export type StoreResetPasswordType = z.infer<typeof StoreResetPassword>
