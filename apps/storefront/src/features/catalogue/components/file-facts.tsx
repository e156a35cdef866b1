import { formatFileSize, type CatalogueFile } from "@/lib/medusa/reshape"

export function FileFacts({ file }: { file: CatalogueFile | null }) {
  if (!file) return null
  return (
    <dl className="facts" aria-label="What you download">
      <div>
        <dt>Format</dt>
        <dd data-testid="file-format">{file.format}</dd>
      </div>
      <div>
        <dt>Size</dt>
        <dd data-testid="file-size">{formatFileSize(file.sizeBytes)}</dd>
      </div>
      <div>
        <dt>File</dt>
        <dd>{file.name}</dd>
      </div>
    </dl>
  )
}
