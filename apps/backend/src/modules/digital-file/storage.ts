import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3"
import { S3RequestPresigner, getSignedUrl } from "@aws-sdk/s3-request-presigner"
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
  private readonly endpoint: URL
  /** One signer for every download URL, so its signing key is derived once a day, not per request. */
  private readonly presigner: S3RequestPresigner

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
    this.endpoint = new URL(options.endpoint)
    this.presigner = new S3RequestPresigner({
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      region: options.region || "auto",
      sha256: this.client.config.sha256,
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
   *
   * The download route's hottest step, so the request is built here (path-style, as the client
   * addresses the bucket) and signed by the SDK's S3 presigner directly, without a round through
   * the client's command pipeline; a unit test holds the URL equal to `getSignedUrl`'s.
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
    const port = this.endpoint.port ? Number(this.endpoint.port) : undefined
    const signed = await this.presigner.presign(
      {
        method: "GET",
        protocol: this.endpoint.protocol,
        hostname: this.endpoint.hostname,
        port,
        path: `${this.endpoint.pathname.replace(/\/$/, "")}/${this.bucket}/${key.split("/").map(uriEscape).join("/")}`,
        query: {
          "response-content-disposition": `attachment; filename="${ascii}"`,
          "response-content-type": file.contentType,
          // The operation marker the SDK's GetObject adds, so the URL is the one the client would sign.
          "x-id": "GetObject",
        },
        headers: {},
      },
      { expiresIn: expiresInSeconds, signingDate },
    )
    const query = Object.keys(signed.query ?? {})
      .sort()
      .map((name) => `${uriEscape(name)}=${uriEscape(String(signed.query![name]))}`)
      .join("&")
    return `${signed.protocol}//${signed.hostname}${port === undefined ? "" : `:${port}`}${signed.path}?${query}`
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

/** RFC 3986 escaping, as SigV4 canonicalises paths and query strings. */
function uriEscape(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}
