// Runs Lighthouse (mobile preset) for bench/lib/lighthouse.ts: reads {chromePath, pages, runs} as
// JSON on stdin, prints the scores as JSON on stdout. Plain JavaScript on purpose (see lighthouse.ts).
// Each page is audited `runs` times and the run with the median performance score is reported, as
// Lighthouse's own guidance on variability advises: on a shared host one run's CPU differs from the
// next (its benchmarkIndex, reported with each run, swings by up to 2× here).
import * as chromeLauncher from "chrome-launcher"
import lighthouse from "lighthouse"

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]

let input = ""
for await (const chunk of process.stdin) input += chunk
const { chromePath, pages, runs = 1 } = JSON.parse(input)

const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
})
try {
  const scores = []
  for (const page of pages) {
    const audited = []
    for (let run = 0; run < runs; run++) audited.push(await audit(page))
    audited.sort((a, b) => a.performance - b.performance)
    const median = audited[Math.floor(audited.length / 2)]
    // Performance from the median run; the other categories from the worst run (they should not vary).
    scores.push({
      ...median,
      accessibility: Math.min(...audited.map((a) => a.accessibility)),
      bestPractices: Math.min(...audited.map((a) => a.bestPractices)),
      seo: Math.min(...audited.map((a) => a.seo)),
      runs: audited.map((a) => a.performance),
      benchmarkIndexes: audited.map((a) => a.benchmarkIndex),
    })
  }
  process.stdout.write(JSON.stringify(scores))
} finally {
  chrome.kill()
}

async function audit(page) {
  const result = await lighthouse(page.url, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: CATEGORIES,
    extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
  })
  if (!result) throw new Error(`Lighthouse returned nothing for ${page.url}`)
  const { categories, audits } = result.lhr
  const score = (id) => Math.round((categories[id]?.score ?? 0) * 100)
  // What keeps a category down: the weighted audits that scored below 0.9, by id.
  const failing = Object.values(categories)
    .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => audits[ref.id]))
    .filter((audit) => audit && audit.score !== null && audit.score < 0.9)
    .map((audit) => audit.id)
  return {
    page: page.name,
    benchmarkIndex: Math.round(result.lhr.environment.benchmarkIndex),
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    lcpMs: Math.round(audits["largest-contentful-paint"]?.numericValue ?? 0),
    tbtMs: Math.round(audits["total-blocking-time"]?.numericValue ?? 0),
    failing: [...new Set(failing)],
    // Why, where Lighthouse says: the console's errors and what shifted the layout.
    consoleErrors: (audits["errors-in-console"]?.details?.items ?? []).map((item) => `${item.description ?? item.source ?? ""} ${item.sourceLocation?.url ?? item.url ?? ""}`.trim()).slice(0, 5),
    layoutShifts: (audits["layout-shifts"]?.details?.items ?? []).map((item) => String(item.node?.snippet ?? item.node?.selector ?? "")).slice(0, 3),
  }
}
