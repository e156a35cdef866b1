import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3"
import { getSignedUrl } from "@aws-sdk/s3-request-presigner"
import { createHash } from "node:crypto"
import type { Readable } from "node:stream"

export type PrivateBucketOptions = {
  endpoint: string
  region: string
  bucket: string
  accessKeyId: string
  secretAccessKey: string
}

export type StoredObject = { size: number; sha256: string }

/**
 * The private bucket that holds the ZIPs (Cloudflare R2 in production, a local S3 server in
 * development and tests). Nothing in it is readable without a signature.
 */
export class PrivateBucket {
  readonly bucket: string
  private readonly client: S3Client

  constructor(options: PrivateBucketOptions) {
    for (const key of ["endpoint", "bucket", "accessKeyId", "secretAccessKey"] as const) {
      if (!options?.[key]) throw new Error(`The digital-file module needs the option "${key}"`)
    }
    this.bucket = options.bucket
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region || "auto",
      forcePathStyle: true,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // R2 and S3 stand-ins reject or mangle the SDK's default streaming checksums.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    })
  }

  /**
   * Whether the bucket answers a signed request with our credentials in time (readiness). Asks for
   * an object that need not exist: "no such key" proves the bucket and the credentials; a missing
   * bucket, a refusal or no answer throws.
   */
  async checkReachable(timeoutMs: number): Promise<void> {
    try {
      const found = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: ".readiness-probe", Range: "bytes=0-0" }), {
        abortSignal: AbortSignal.timeout(timeoutMs),
      })
      await found.Body?.transformToByteArray()
    } catch (error) {
      if ((error as Error).name === "NoSuchKey") return
      throw error
    }
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }),
    )
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }))
  }

  /**
   * A presigned PUT for staff to upload a file straight from the admin to the bucket, so no
   * file passes through (or sits in the memory of) the backend.
   */
  async presignUpload(key: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.client, new PutObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: expiresInSeconds })
  }

  /**
   * A presigned GET for one download: valid `expiresInSeconds`, saved under the file's original
   * name. Minted per request, never stored. `signingDate` exists for tests of expiry.
   */
  async presignDownload(
    key: string,
    file: { name: string; contentType: string },
    expiresInSeconds: number,
    signingDate?: Date,
  ): Promise<string> {
    // An ASCII name only: every S3 implementation signs it the same way (an RFC 5987 filename*
    // with its quote marks is signed differently by some), and uploads keep names ASCII.
    const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, "_")
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: `attachment; filename="${ascii}"`,
      ResponseContentType: file.contentType,
    })
    return getSignedUrl(this.client, command, { expiresIn: expiresInSeconds, signingDate })
  }

  /** Streams the stored object once to measure it: what the bucket holds, not what we sent. */
  async describe(key: string): Promise<StoredObject> {
    const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }))
    const hash = createHash("sha256")
    let size = 0
    for await (const chunk of result.Body as Readable) {
      hash.update(chunk as Buffer)
      size += (chunk as Buffer).length
    }
    return { size, sha256: hash.digest("hex") }
  }
}
