import { z } from "zod"

export const PASSWORD_MIN_LENGTH = 10

const email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address"))
const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "Use at most 200 characters")
const name = (label: string) => z.string().trim().min(1, `Enter your ${label}`).max(100, `Your ${label} is too long`)

export const SignInSchema = z.object({ email, password: z.string().min(1, "Enter your password") })

export const RegisterSchema = z
  .object({ first_name: name("first name"), last_name: name("last name"), email, password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match" })

export const ForgotPasswordSchema = z.object({ email })

export const ResetPasswordSchema = z
  .object({ token: z.string().min(10, "This reset link is incomplete"), password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match" })

export const ChangePasswordSchema = z
  .object({ current_password: z.string().min(1, "Enter your current password"), new_password: password, confirm: z.string() })
  .refine((v) => v.new_password === v.confirm, { path: ["confirm"], message: "The passwords do not match" })

export const ProfileSchema = z.object({ first_name: name("first name"), last_name: name("last name") })

export type FormState = {
  /** A message about the whole form. */
  error?: string
  success?: string
  fieldErrors?: Record<string, string>
  /** What the visitor typed (never passwords), to refill the form after an error. */
  values?: Record<string, string>
}

/** Parses form data with a schema; on failure, the first message per field. */
export function parseForm<T extends z.ZodType>(schema: T, formData: FormData):
  | { ok: true; data: z.infer<T> }
  | { ok: false; fieldErrors: Record<string, string> } {
  const result = schema.safeParse(Object.fromEntries(formData))
  if (result.success) return { ok: true, data: result.data }
  const fieldErrors: Record<string, string> = {}
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "form")
    fieldErrors[key] ??= issue.message
  }
  return { ok: false, fieldErrors }
}

/** The non-secret fields of a submitted form, to show them again. */
export function keepValues(formData: FormData, fields: string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, String(formData.get(f) ?? "")]))
}
