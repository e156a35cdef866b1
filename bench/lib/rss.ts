import { readdirSync, readFileSync } from "node:fs"

/** Resident memory of every process in the group led by `pgid` (a service and its children), in bytes. */
function groupRss(pgid: number): number {
  let total = 0
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8")
      // Fields after the command name (which may hold spaces) start at its closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      if (Number(fields[2]) !== pgid) continue
      const status = readFileSync(`/proc/${name}/status`, "utf8")
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024
    } catch {
      // The process ended between listing and reading.
    }
  }
  return total
}

/** Samples the group's RSS every 250 ms until stopped; returns the peak. */
export function peakRss(pgid: number, intervalMs = 250): { stop: () => { peakBytes: number; samples: number } } {
  let peak = groupRss(pgid)
  let samples = 1
  const timer = setInterval(() => {
    peak = Math.max(peak, groupRss(pgid))
    samples++
  }, intervalMs)
  return {
    stop: () => {
      clearInterval(timer)
      return { peakBytes: peak, samples }
    },
  }
}
