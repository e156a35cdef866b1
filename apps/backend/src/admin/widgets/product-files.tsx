import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useRef, useState } from "react"
import { sdk } from "../lib/sdk"

type Version = { id: string; number: number; file_name: string; size: number; sha256: string; created_at: string }
type VariantFiles = {
  id: string
  title: string
  digital_file: { id: string; current_version: number; versions: Version[] } | null
}

const size = (bytes: number) =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} kB`

/** PUT straight to the bucket with progress in percent (fetch cannot report upload progress). */
function putWithProgress(url: string, file: File, onProgress: (percent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open("PUT", url)
    xhr.setRequestHeader("Content-Type", file.type || "application/zip")
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(Math.round((100 * event.loaded) / event.total))
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve()
        : reject(new Error(`The file store refused the upload (status ${xhr.status}). Try again; if it keeps happening, tell your developer.`))
    // A network failure, or a file store that does not accept uploads from this admin's address (CORS).
    xhr.onerror = () =>
      reject(new Error("The upload did not get through. Check your internet connection and try again; if it keeps failing, tell your developer."))
    xhr.send(file)
  })
}

function VariantUpload({ variant, onDone }: { variant: VariantFiles; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const [stage, setStage] = useState<string>("")
  const [result, setResult] = useState<Version | null>(null)

  const upload = async (file: File) => {
    if (!file.name.toLowerCase().endsWith(".zip")) {
      toast.error("Choose a .zip file")
      return
    }
    const fileName = file.name.replace(/[^\w.\- ()]/g, "_")
    setResult(null)
    try {
      setStage("Uploading")
      setProgress(0)
      const { upload_url, storage_key } = await sdk.client.fetch<{ upload_url: string; storage_key: string }>(
        `/admin/variants/${variant.id}/digital-file/uploads`,
        { method: "POST", body: { file_name: fileName } },
      )
      await putWithProgress(upload_url, file, setProgress)
      // The backend now reads the stored file back to measure it: no percentage to show.
      setStage("Checking the stored file")
      const { version } = await sdk.client.fetch<{ version: Version }>(`/admin/variants/${variant.id}/digital-file/versions`, {
        method: "POST",
        body: { storage_key, file_name: fileName, content_type: file.type || "application/zip" },
      })
      setResult(version)
      toast.success(`Version ${version.number} is now what customers download`)
      onDone()
    } catch (error) {
      toast.error((error as Error).message)
    } finally {
      setProgress(null)
      setStage("")
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        className="hidden"
        aria-label={`ZIP file for ${variant.title}`}
        data-testid={`upload-input-${variant.id}`}
        onChange={(event) => {
          const file = event.target.files?.[0]
          if (file) void upload(file)
          event.target.value = ""
        }}
      />
      <Button size="small" variant="secondary" isLoading={progress !== null} onClick={() => input.current?.click()}>
        Upload new version
      </Button>
      {progress !== null && stage === "Uploading" ? (
        <div role="progressbar" aria-label={stage} aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress}>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {stage}… {progress}%
          </Text>
          <div className="bg-ui-bg-subtle h-2 w-48 overflow-hidden rounded">
            <div className="bg-ui-fg-interactive h-2" style={{ width: `${progress}%` }} />
          </div>
        </div>
      ) : progress !== null ? (
        <div role="progressbar" aria-label={stage} aria-busy="true">
          <Text size="xsmall" className="text-ui-fg-subtle">
            {stage}… (a large file takes a moment)
          </Text>
          <div className="bg-ui-bg-subtle h-2 w-48 overflow-hidden rounded">
            <div className="bg-ui-fg-interactive h-2 w-1/3 animate-pulse" />
          </div>
        </div>
      ) : null}
      {result ? (
        <Text size="xsmall" data-testid="uploaded-sha256">
          SHA-256 {result.sha256}
        </Text>
      ) : null}
    </div>
  )
}

/** On each product page: the file customers download, its versions, and uploading a new one. */
const ProductFilesWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const queryClient = useQueryClient()
  const key = ["product-digital-files", product.id]
  const { data, isLoading, isError } = useQuery({
    queryKey: key,
    queryFn: () => sdk.client.fetch<{ variants: VariantFiles[] }>(`/admin/products/${product.id}/digital-files`),
  })
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key })
  const prompt = usePrompt()
  const [switching, setSwitching] = useState<string | null>(null)
  const makeCurrent = async (fileId: string, version: Version) => {
    const confirmed = await prompt({
      title: `Make version ${version.number} what customers download?`,
      description: `Everyone who downloads this product from now on gets ${version.file_name}. The other versions are kept, so you can switch back.`,
      confirmText: `Use version ${version.number}`,
      cancelText: "Cancel",
    })
    if (!confirmed) return
    setSwitching(version.id)
    try {
      await sdk.client.fetch(`/admin/digital-files/${fileId}/current`, { method: "POST", body: { version_id: version.id } })
      toast.success(`Customers now download version ${version.number}`)
      refresh()
    } catch (error) {
      toast.error((error as Error).message)
    } finally {
      setSwitching(null)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Download files</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The ZIP each variant delivers. Uploading adds a version; earlier versions are kept.
        </Text>
      </div>
      {isLoading ? <Text className="px-6 py-4 text-ui-fg-subtle">Loading files…</Text> : null}
      {isError ? <Text className="px-6 py-4 text-ui-fg-error">The files could not be loaded. Reload the page to try again.</Text> : null}
      {(data?.variants ?? []).map((variant) => (
        <div key={variant.id} className="flex flex-col gap-3 px-6 py-4">
          <div className="flex items-start justify-between gap-4">
            <Text weight="plus">{variant.title}</Text>
            <VariantUpload variant={variant} onDone={refresh} />
          </div>
          {variant.digital_file ? (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Version</Table.HeaderCell>
                  <Table.HeaderCell>File</Table.HeaderCell>
                  <Table.HeaderCell title="A code computed from the file's bytes: the same code means exactly the same file">Fingerprint (SHA-256)</Table.HeaderCell>
                  <Table.HeaderCell className="text-right" />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {variant.digital_file.versions.map((version) => {
                  const current = version.number === variant.digital_file!.current_version
                  return (
                    <Table.Row key={version.id}>
                      <Table.Cell>
                        {version.number}{" "}
                        {current ? (
                          <Badge size="2xsmall" color="green">
                            Current
                          </Badge>
                        ) : null}
                      </Table.Cell>
                      <Table.Cell>
                        {version.file_name} · {size(version.size)}
                      </Table.Cell>
                      <Table.Cell>
                        <code className="text-xs" title={version.sha256}>
                          {version.sha256.slice(0, 16)}…
                        </code>
                      </Table.Cell>
                      <Table.Cell className="text-right">
                        {current ? null : (
                          <Button
                            size="small"
                            variant="transparent"
                            isLoading={switching === version.id}
                            disabled={switching !== null}
                            onClick={() => void makeCurrent(variant.digital_file!.id, version)}
                          >
                            Make current
                          </Button>
                        )}
                      </Table.Cell>
                    </Table.Row>
                  )
                })}
              </Table.Body>
            </Table>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              No file yet: customers cannot download anything for this variant until you upload one.
            </Text>
          )}
        </div>
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default ProductFilesWidget
