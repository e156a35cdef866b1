import { spawn } from "node:child_process"
import { join } from "node:path"
import { gzipSync } from "node:zlib"

export type LighthouseScores = {
  page: string
  /** Every run's performance score, lowest first; performance and the metrics are the median run's. */
  runs: number[]
  /** Lighthouse's measure of the host's CPU speed in each run (about 1,000 = a mid-tier phone). */
  benchmarkIndexes: number[]
  performance: number
  /** The lowest of the runs: these should not vary. */
  accessibility: number
  bestPractices: number
  seo: number
  lcpMs: number
  tbtMs: number
  failing: string[]
  consoleErrors: string[]
  layoutShifts: string[]
}

/**
 * Lighthouse's default (mobile) preset in Debian's Chromium, one page after another in one browser,
 * each page `runs` times (the median run is reported). `cookie` signs the run in (the downloads library). Runs in a plain Node process: Lighthouse
 * sends its own functions to the browser as source, which a TypeScript loader would rewrite.
 */
export async function lighthouseScores(
  chromePath: string,
  pages: Array<{ name: string; url: string; cookie?: string }>,
  runs: number,
): Promise<LighthouseScores[]> {
  const { NODE_OPTIONS: _loader, ...env } = process.env
  const child = spawn(process.execPath, [join(import.meta.dirname, "lighthouse-worker.mjs")], { env, stdio: ["pipe", "pipe", "inherit"] })
  let output = ""
  child.stdout.setEncoding("utf8")
  child.stdout.on("data", (chunk: string) => (output += chunk))
  child.stdin.end(JSON.stringify({ chromePath, pages, runs }))
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve))
  if (code !== 0) throw new Error(`Lighthouse exited with ${code}`)
  return JSON.parse(output) as LighthouseScores[]
}

/** The JavaScript a page's HTML makes the browser load before it is interactive, gzipped. */
export async function firstLoadJavaScript(pageUrl: string): Promise<{ files: number; gzipBytes: number; rawBytes: number }> {
  const html = await (await fetch(pageUrl)).text()
  // Modern browsers skip `nomodule` scripts (Next's legacy polyfills): they are not counted.
  const sources = [...html.matchAll(/<script([^>]+)>/g)]
    .filter((m) => !/\bnomodule\b/i.test(m[1]!))
    .map((m) => /\bsrc="([^"]+\.js[^"]*)"/.exec(m[1]!)?.[1])
    .filter((src): src is string => Boolean(src))
    .map((src) => new URL(src.replaceAll("&amp;", "&"), pageUrl).href)
  let gzipBytes = 0
  let rawBytes = 0
  for (const src of new Set(sources)) {
    const body = Buffer.from(await (await fetch(src)).arrayBuffer())
    rawBytes += body.length
    gzipBytes += gzipSync(body, { level: 9 }).length
  }
  return { files: new Set(sources).size, gzipBytes, rawBytes }
}

/**
 * Requests every optimised image variant a page refers to, as a browser would (AVIF accepted),
 * so Lighthouse measures the page as visitors after the first one get it, not the optimiser's
 * first encode.
 */
export async function warmImages(pageUrl: string): Promise<number> {
  const html = await (await fetch(pageUrl)).text()
  const urls = new Set(
    [...html.matchAll(/\/_next\/image\?[^"\s,]+/g)].map((m) => new URL(m[0].replaceAll("&amp;", "&"), pageUrl).href),
  )
  for (const url of urls) await fetch(url, { headers: { accept: "image/avif,image/webp,image/*,*/*;q=0.8" } }).then((r) => r.arrayBuffer())
  return urls.size
}
