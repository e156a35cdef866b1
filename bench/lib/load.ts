import autocannon from "autocannon"

/** One load run: throughput and latency as the client saw them, and every status it got. */
export type LoadFigures = {
  name: string
  url: string
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  requests: number
  /** Connection errors and timeouts, plus answers with another status than expected. */
  errors: number
  statuses: Record<string, number>
}

export type LoadOptions = {
  connections?: number
  durationSeconds?: number
  headers?: Record<string, string>
  /** The status every answer must have (200 for pages, 302 for downloads). */
  expectStatus?: number
  /** Rotates something per request (download tokens and their owners). */
  nextRequest?: () => { path: string; headers?: Record<string, string> }
}

/** Runs autocannon against `url` for a fixed time at a fixed concurrency (10 unless told). */
export async function measure(name: string, url: string, options: LoadOptions = {}): Promise<LoadFigures> {
  const { connections = 10, durationSeconds = 5, headers = {}, expectStatus = 200, nextRequest } = options
  const result = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    headers,
    timeout: 10,
    requests: nextRequest
      ? [
          {
            setupRequest: (request) => {
              const next = nextRequest()
              return { ...request, path: next.path, headers: { ...request.headers, ...headers, ...(next.headers ?? {}) } }
            },
          },
        ]
      : undefined,
  })
  const statuses = Object.fromEntries(
    Object.entries((result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {}).map(
      ([code, stats]) => [code, stats.count],
    ),
  )
  const answered = Object.values(statuses).reduce((sum, n) => sum + n, 0)
  const expected = statuses[String(expectStatus)] ?? 0
  return {
    name,
    url,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: answered,
    errors: result.errors + result.timeouts + (answered - expected),
    statuses,
  }
}

/** A short unmeasured run so caches, JIT and connection pools are warm before measuring. */
export async function warm(url: string, options: LoadOptions = {}) {
  await measure("warm-up", url, { ...options, durationSeconds: 2 })
}
