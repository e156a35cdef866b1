import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** A product's variants with their current file and every version, for the admin widget. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "variants.id",
      "variants.title",
      "variants.digital_file.id",
      "variants.digital_file.current_version",
      "variants.digital_file.versions.*",
    ],
    filters: { id: req.params.id },
  })
  const variants = (data[0]?.variants ?? []).map((variant) => {
    const file = (variant as { digital_file?: { id: string; current_version: number; versions?: Array<Record<string, unknown>> } | null })
      .digital_file
    return {
      id: variant!.id,
      title: variant!.title,
      digital_file: file
        ? {
            id: file.id,
            current_version: file.current_version,
            versions: [...(file.versions ?? [])]
              .sort((a, b) => Number(b.number) - Number(a.number))
              .map((v) => ({
                id: v.id,
                number: v.number,
                file_name: v.file_name,
                size: Number(v.size),
                sha256: v.sha256,
                content_type: v.content_type,
                created_at: v.created_at,
              })),
          }
        : null,
    }
  })
  res.json({ variants })
}
