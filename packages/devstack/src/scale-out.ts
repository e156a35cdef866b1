import { spawnSync } from "node:child_process"
import { chownSync, mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { startService, waitForPort } from "./processes"

/**
 * Production's moving parts, from Debian's packages, for tests: Redis (events, workflows, locks,
 * cache and sessions between backend processes) and PgBouncer in transaction mode (Supabase's
 * pooler). Both bind 127.0.0.1 and keep nothing on disk but their logs.
 */

function binary(name: string): string {
  const found = spawnSync("sh", ["-c", `command -v ${name} || ls /usr/sbin/${name} 2>/dev/null`], { encoding: "utf8" }).stdout.trim()
  if (!found) throw new Error(`${name} is not installed (Debian: apt-get install ${name === "redis-server" ? "redis-server" : name})`)
  return found.split("\n")[0]!
}

export async function startRedis(options: { port: number; logFile: string }): Promise<{ url: string }> {
  const service = startService(
    "redis",
    binary("redis-server"),
    ["--bind", "127.0.0.1", "--port", String(options.port), "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
    { cwd: "/", env: process.env, quiet: true, logFile: options.logFile },
  )
  await waitForPort(options.port, { timeoutMs: 15_000, service })
  return { url: `redis://127.0.0.1:${options.port}` }
}

/**
 * PgBouncer in transaction mode in front of a Postgres on loopback. Clients are trusted (loopback,
 * tests only); PgBouncer itself signs in to Postgres with the given password. It refuses to run as
 * root, so as root it runs as the `postgres` user.
 */
export async function startPgBouncer(options: {
  port: number
  dir: string
  upstreamPort: number
  databases: string[]
  user: string
  password: string
}): Promise<{ url(database: string): string }> {
  mkdirSync(options.dir, { recursive: true })
  const ini = join(options.dir, "pgbouncer.ini")
  const users = join(options.dir, "userlist.txt")
  writeFileSync(users, `"${options.user}" "${options.password}"\n`)
  writeFileSync(
    ini,
    [
      "[databases]",
      ...options.databases.map((db) => `${db} = host=127.0.0.1 port=${options.upstreamPort} dbname=${db}`),
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${options.port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${users}`,
      "pool_mode = transaction",
      "max_client_conn = 500",
      "default_pool_size = 20",
      "ignore_startup_parameters = extra_float_digits,options",
      `logfile = ${join(options.dir, "pgbouncer.log")}`,
      `pidfile = ${join(options.dir, "pgbouncer.pid")}`,
      "",
    ].join("\n"),
  )
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    const ids = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim()
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim()
    for (const path of [options.dir, ini, users]) chownSync(path, Number(ids), Number(gid))
  }
  const [command, args] = asRoot ? ["runuser", ["-u", "postgres", "--", binary("pgbouncer"), ini]] : [binary("pgbouncer"), [ini]]
  const service = startService("pgbouncer", command, args as string[], { cwd: options.dir, env: process.env, quiet: true })
  await waitForPort(options.port, { timeoutMs: 15_000, service })
  return { url: (database) => `postgres://${options.user}:${options.password}@127.0.0.1:${options.port}/${database}` }
}
