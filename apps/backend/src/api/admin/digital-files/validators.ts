import { z } from "@medusajs/framework/zod"

const fileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\w.\- ()]+$/, "Use letters, digits, spaces, dots, dashes, underscores or brackets in the file name")

export const AdminCreateUpload = z.object({ file_name: fileName }).strict()
export type AdminCreateUploadType = z.infer<typeof AdminCreateUpload>

export const AdminAddFileVersion = z
  .object({
    storage_key: z.string().min(1).max(500),
    file_name: fileName,
    content_type: z.string().min(3).max(100).default("application/zip"),
  })
  .strict()
export type AdminAddFileVersionType = z.infer<typeof AdminAddFileVersion>

export const AdminSetCurrentVersion = z.object({ version_id: z.string().min(1) }).strict()
export type AdminSetCurrentVersionType = z.infer<typeof AdminSetCurrentVersion>
