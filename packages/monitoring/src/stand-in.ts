/**
 * Tests only: a local stand-in for Sentry's ingest. It accepts envelopes at
 * `POST /api/<project>/envelope/` exactly as sentry.io does (gzip or plain, from Node or a
 * browser), keeps them, and lists them at `GET /__envelopes` for tests in another process.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { gunzipSync, inflateSync } from "node:zlib"

export type EnvelopeItem = { type: string; payload: unknown }
export type Envelope = { raw: string; header: Record<string, unknown>; items: EnvelopeItem[] }

export type SentryStandIn = {
  /** Base URL, e.g. http://127.0.0.1:4567 */
  url: string
  /** A DSN that points the SDKs here. */
  dsn: string
  envelopes(): Envelope[]
  /** Error events (exceptions and messages) received so far. */
  events(): Array<Record<string, unknown>>
  clear(): void
  stop(): Promise<void>
}

/** Splits an envelope: a header line, then item headers each followed by its payload. */
export function parseEnvelope(body: Buffer): Envelope {
  const raw = body.toString("utf8")
  let offset = 0
  const readLine = () => {
    const end = body.indexOf(0x0a, offset)
    const line = body.subarray(offset, end === -1 ? body.length : end).toString("utf8")
    offset = end === -1 ? body.length : end + 1
    return line
  }
  const header = JSON.parse(readLine() || "{}") as Record<string, unknown>
  const items: EnvelopeItem[] = []
  for (let guard = 0; offset < body.length && guard < 1000; guard++) {
    const line = readLine()
    if (!line.trim()) continue
    const itemHeader = JSON.parse(line) as { type: string; length?: number }
    let text: string
    if (typeof itemHeader.length === "number") {
      text = body.subarray(offset, offset + itemHeader.length).toString("utf8")
      offset += itemHeader.length
      if (body[offset] === 0x0a) offset += 1
    } else {
      text = readLine()
    }
    let payload: unknown = text
    try {
      payload = JSON.parse(text)
    } catch {
      // Attachments and replays are not JSON; keep their text.
    }
    items.push({ type: itemHeader.type, payload })
  }
  return { raw, header, items }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const body = Buffer.concat(chunks)
      const encoding = String(req.headers["content-encoding"] ?? "")
      try {
        resolve(encoding === "gzip" ? gunzipSync(body) : encoding === "deflate" ? inflateSync(body) : body)
      } catch (error) {
        reject(error)
      }
    })
    req.on("error", reject)
  })
}

function cors(res: ServerResponse) {
  res.setHeader("Access-Control-Allow-Origin", "*")
  res.setHeader("Access-Control-Allow-Headers", "*")
  res.setHeader("Access-Control-Allow-Methods", "POST, GET, OPTIONS")
}

export async function startSentryStandIn(options: { port?: number } = {}): Promise<SentryStandIn> {
  let received: Envelope[] = []
  const server = createServer(async (req, res) => {
    cors(res)
    const path = new URL(req.url ?? "/", "http://stand-in").pathname
    if (req.method === "OPTIONS") {
      res.writeHead(204).end()
      return
    }
    if (req.method === "GET" && path === "/__envelopes") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(received))
      return
    }
    if (req.method === "POST" && /^\/api\/[^/]+\/envelope\/?$/.test(path)) {
      try {
        received.push(parseEnvelope(await readBody(req)))
        res.writeHead(200, { "content-type": "application/json" }).end("{}")
      } catch (error) {
        res.writeHead(400, { "content-type": "text/plain" }).end(String(error))
      }
      return
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found")
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    dsn: `http://standin0public0key@127.0.0.1:${port}/1`,
    envelopes: () => received,
    events: () => eventsIn(received),
    clear: () => {
      received = []
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The error events among envelopes (also for envelopes fetched from `GET /__envelopes`). */
export function eventsIn(envelopes: Envelope[]): Array<Record<string, unknown>> {
  return envelopes.flatMap((envelope) =>
    envelope.items.filter((item) => item.type === "event").map((item) => item.payload as Record<string, unknown>),
  )
}
