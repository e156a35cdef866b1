#!/usr/bin/env node
// Entry point of the README's two commands (`npm run dev`, `npm test`) on a machine with only
// Node: finds or fetches the pinned pnpm, installs the workspace when the lockfile changed,
// then hands over to scripts/<command>.ts. Plain Node, no dependencies: it runs before install.
import { spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const [command, ...args] = process.argv.slice(2)
if (!["dev", "test", "bench"].includes(command ?? "")) {
  console.error("usage: node scripts/run.mjs <dev|test|bench> [options]")
  process.exit(2)
}

const [major, minor] = process.versions.node.split(".").map(Number)
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old: Vespertene needs Node 20.19 or newer.`)
  process.exit(1)
}

const pinned = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager.split("@")[1]
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  MEDUSA_DISABLE_TELEMETRY: "true",
  DO_NOT_TRACK: "1",
  COREPACK_ENABLE_STRICT: "0",
}

function pnpmCommand() {
  const found = spawnSync("pnpm", ["--version"], { encoding: "utf8", env })
  if (found.status === 0 && found.stdout.trim() === pinned) return ["pnpm"]
  // Not on PATH, or another version: npx fetches the pinned one from the npm registry.
  return ["npx", "--yes", `pnpm@${pinned}`]
}

function run(cmd, cmdArgs) {
  const result = spawnSync(cmd[0], [...cmd.slice(1), ...cmdArgs], { cwd: root, stdio: "inherit", env })
  if (result.error) throw result.error
  return result.status ?? 1
}

const pnpm = pnpmCommand()

// Install when the lockfile or any manifest differs from the last install's.
const manifests = [
  "pnpm-lock.yaml",
  "pnpm-workspace.yaml",
  "package.json",
  ...["apps", "packages"].flatMap((dir) => readdirSync(join(root, dir)).map((name) => join(dir, name, "package.json"))),
].filter((file) => existsSync(join(root, file)))
const fingerprint = createHash("sha256")
for (const file of manifests) fingerprint.update(file).update(readFileSync(join(root, file)))
const digest = fingerprint.digest("hex")
const stamp = join(root, "node_modules", ".vespertene-install")
if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== digest) {
  console.log(`› Installing dependencies with pnpm ${pinned} …`)
  const status = run(pnpm, ["install", "--frozen-lockfile", "--prefer-offline"])
  if (status !== 0) process.exit(status)
  writeFileSync(stamp, digest)
}

const script = command === "bench" ? join("bench", "run.ts") : join("scripts", `${command}.ts`)
process.exit(run(pnpm, ["exec", "tsx", script, ...args]))
