import "server-only"

/**
 * Headers that tell the backend who the browser is (its IP, for rate limits), added to every
 * customer call the Next server makes. Filled in by the rate-limiting work; empty until then.
 */
export async function clientContextHeaders(): Promise<Record<string, string>> {
  return {}
}
