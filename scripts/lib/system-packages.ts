import { spawnSync } from "node:child_process"
import { step } from "./stack"

/** Whether a command is on PATH (or in /usr/sbin, where Debian puts daemons). */
export function hasCommand(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command} || test -x /usr/sbin/${command}`]).status === 0
}

/**
 * Installs the Debian packages whose value is false (as root with apt), or stops with the command
 * to run. `needs` maps a package name to whether it is already there.
 */
export function ensureDebianPackages(needs: Record<string, boolean>, what = "The e2e lane") {
  const missing = Object.entries(needs)
    .filter(([, present]) => !present)
    .map(([name]) => name)
  if (missing.length === 0) return
  const isRoot = process.getuid?.() === 0
  if (isRoot && hasCommand("apt-get")) {
    step(`Installing ${missing.join(", ")} from Debian's packages …`)
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" })
    const install = spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    })
    if (update.status === 0 && install.status === 0) return
  }
  throw new Error(
    `${what} needs ${missing.join(", ")}. On Debian/Ubuntu: sudo apt-get install ${missing.join(" ")}; ` +
      "elsewhere install them (and set CHROMIUM_PATH to Chromium's binary).",
  )
}
