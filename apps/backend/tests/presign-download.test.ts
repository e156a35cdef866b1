import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3"
import { getSignedUrl } from "@aws-sdk/s3-request-presigner"
import { describe, expect, it } from "vitest"
import { PrivateBucket } from "../src/modules/digital-file/storage"

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" }
const signingDate = new Date("2026-11-23T10:00:00Z")

/** The URL the SDK's command pipeline presigns for the same object and options. */
async function throughClient(endpoint: string, bucket: string, key: string, name: string, contentType: string) {
  // Configured as PrivateBucket configures its client.
  const client = new S3Client({
    endpoint,
    region: "auto",
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  })
  const command = new GetObjectCommand({
    Bucket: bucket,
    Key: key,
    ResponseContentDisposition: `attachment; filename="${name}"`,
    ResponseContentType: contentType,
  })
  return getSignedUrl(client, command, { expiresIn: 900, signingDate })
}

describe("presigned download URLs", () => {
  const cases = [
    { endpoint: "https://0123abcd.r2.cloudflarestorage.com", key: "files/5f0e/Northern Lights (Pack 1).zip", name: "Northern Lights (Pack 1).zip" },
    { endpoint: "http://127.0.0.1:9100", key: "files/a b/c+d/e!f'g*h~i.zip", name: "a;b=c&d.zip" },
    { endpoint: "http://localhost:9100", key: "files/uuid/plain.zip", name: "plain.zip" },
    { endpoint: "http://localhost:9100/storage/", key: "files/uuid/plain.zip", name: "plain.zip" },
  ]

  it.each(cases)("signs exactly what getSignedUrl signs ($endpoint, $key)", async ({ endpoint, key, name }) => {
    const bucket = new PrivateBucket({ endpoint, region: "auto", bucket: "vespertene-private", ...credentials })
    const ours = await bucket.presignDownload(key, { name, contentType: "application/zip" }, 900, signingDate)
    expect(ours).toBe(await throughClient(endpoint, "vespertene-private", key, name, "application/zip"))
  })

  it("expires when asked and names the file as an attachment", async () => {
    const bucket = new PrivateBucket({ endpoint: cases[0]!.endpoint, region: "auto", bucket: "b", ...credentials })
    const url = new URL(await bucket.presignDownload("k.zip", { name: "Café \"Set\".zip", contentType: "application/zip" }, 900, signingDate))
    expect(url.searchParams.get("X-Amz-Expires")).toBe("900")
    expect(url.searchParams.get("response-content-disposition")).toBe('attachment; filename="Caf_ _Set_.zip"')
    expect(url.pathname).toBe("/b/k.zip")
  })
})
