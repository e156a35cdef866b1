import { createServer, type IncomingMessage, type Server } from "node:http"
import { mkdirSync } from "node:fs"
import type { AddressInfo } from "node:net"
// s3rver is CommonJS with no types of its own.
// @ts-expect-error no declaration file
import S3rver from "@20minutes/s3rver"

/** s3rver's built-in account; a loopback stand-in's key pair, not a secret. */
export const LOCAL_S3_ACCESS_KEY_ID = "S3RVER"
export const LOCAL_S3_SECRET_ACCESS_KEY = "S3RVER"

export type ObjectStoreBuckets = {
  /** Product images: anyone may read. */
  publicBucket: string
  /** ZIP files: every request must be signed (SigV4 header or presigned URL). */
  privateBucket: string
}

export type RunningObjectStore = ObjectStoreBuckets & {
  endpoint: string
  port: number
  /** Public URL prefix for objects in the public bucket. */
  publicUrl: string
  stop(): Promise<void>
}

const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`

/**
 * A local S3-compatible store standing in for Cloudflare R2. s3rver verifies SigV4 signatures
 * and presigned-URL expiry as R2 does; a guard in front of it refuses unsigned requests to the
 * private bucket and unsigned writes anywhere, because R2 buckets are private by default.
 */
export async function startObjectStore(options: ObjectStoreBuckets & {
  directory: string
  port: number
  host?: string
}): Promise<RunningObjectStore> {
  const host = options.host ?? "127.0.0.1"
  mkdirSync(options.directory, { recursive: true })
  const s3 = new S3rver({
    directory: options.directory,
    silent: true,
    vhostBuckets: false,
    configureBuckets: [
      { name: options.publicBucket, configs: [CORS] },
      { name: options.privateBucket, configs: [CORS] },
    ],
  })
  await s3.configureBuckets()
  const handle = s3.callback() as (req: IncomingMessage, res: import("node:http").ServerResponse) => void

  const server: Server = createServer((req, res) => {
    const refusal = refuse(req, options)
    if (refusal) {
      res.writeHead(403, { "content-type": "application/xml" })
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>${refusal}</Message></Error>`,
      )
      return
    }
    handle(req, res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const endpoint = `http://${host}:${port}`
  return {
    ...options,
    endpoint,
    port,
    publicUrl: `${endpoint}/${options.publicBucket}`,
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function isSigned(req: IncomingMessage): boolean {
  if (req.headers.authorization) return true
  const query = new URL(req.url ?? "/", "http://local").searchParams
  return query.has("X-Amz-Signature") || query.has("Signature")
}

/** Why an unsigned request is refused, or null when it may pass to the store. */
function refuse(req: IncomingMessage, buckets: ObjectStoreBuckets): string | null {
  if (req.method === "OPTIONS" || isSigned(req)) return null
  const bucket = decodeURIComponent(new URL(req.url ?? "/", "http://local").pathname.split("/")[1] ?? "")
  if (bucket === buckets.publicBucket && (req.method === "GET" || req.method === "HEAD")) {
    // Listing the public bucket is not public; reading an object is.
    const key = new URL(req.url ?? "/", "http://local").pathname.split("/").slice(2).join("/")
    return key ? null : "Anonymous listing is not allowed"
  }
  return "Anonymous access is not allowed"
}
