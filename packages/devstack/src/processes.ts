import { spawn, type ChildProcess } from "node:child_process"
import { once } from "node:events"
import { createWriteStream } from "node:fs"

export type Service = { name: string; child: ChildProcess; exited: Promise<number | null> }

const services: Service[] = []

/**
 * Starts a long-running process in its own process group, prefixing each output line
 * with its name, so that `stopAll` can stop it and everything it spawned.
 */
export function startService(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; quiet?: boolean; /** Also keep the output in this file. */ logFile?: string },
): Service {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  const prefix = `[${name}] `
  const log = options.logFile ? createWriteStream(options.logFile) : null
  const forward = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
    let buffer = ""
    stream?.setEncoding("utf8")
    stream?.on("data", (chunk: string) => {
      buffer += chunk
      const lines = buffer.split("\n")
      buffer = lines.pop() ?? ""
      for (const line of lines) {
        log?.write(line + "\n")
        if (!options.quiet) out.write(prefix + line + "\n")
      }
    })
  }
  forward(child.stdout, process.stdout)
  forward(child.stderr, process.stderr)
  const exited = once(child, "exit").then(([code]) => code as number | null)
  const service = { name, child, exited }
  services.push(service)
  return service
}

/** Runs a command to completion, throwing with its output when it fails. */
export async function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; echo?: boolean },
): Promise<string> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] })
  let output = ""
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
    if (options.echo) process.stdout.write(chunk)
  }
  child.stdout.on("data", collect)
  child.stderr.on("data", collect)
  const [code] = await once(child, "exit")
  if (code !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited with ${code}\n${output.slice(-4000)}`)
  }
  return output
}

/** Stops every started service's process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopAll(graceMs = 8000): Promise<void> {
  const running = services.splice(0).filter((s) => s.child.exitCode === null && s.child.pid)
  for (const s of running) signalGroup(s, "SIGTERM")
  await Promise.all(
    running.map(async (s) => {
      const timer = setTimeout(() => signalGroup(s, "SIGKILL"), graceMs)
      await s.exited
      clearTimeout(timer)
      // Children of the group (a watcher's server) may outlive their parent.
      signalGroup(s, "SIGKILL")
    }),
  )
}

function signalGroup(service: Service, signal: NodeJS.Signals) {
  try {
    process.kill(-(service.child.pid as number), signal)
  } catch {
    // already gone
  }
}

/** Polls `url` until it answers 2xx/3xx or the deadline passes. */
export async function waitForHttp(
  url: string,
  options: { timeoutMs: number; service?: Service; intervalMs?: number },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs
  const interval = options.intervalMs ?? 250
  let lastError = "no answer"
  while (Date.now() < deadline) {
    if (options.service && options.service.child.exitCode !== null) {
      throw new Error(`${options.service.name} exited (code ${options.service.child.exitCode}) before ${url} answered`)
    }
    try {
      const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5000) })
      if (res.status < 400) return
      lastError = `HTTP ${res.status}`
    } catch (error) {
      lastError = (error as Error).message
    }
    await new Promise((resolve) => setTimeout(resolve, interval))
  }
  throw new Error(`${url} did not answer within ${options.timeoutMs} ms (${lastError})`)
}

/** Polls until something accepts TCP connections on 127.0.0.1:port (bounded by timeoutMs). */
export async function waitForPort(port: number, options: { timeoutMs: number; service?: Service }): Promise<void> {
  const { connect } = await import("node:net")
  const deadline = Date.now() + options.timeoutMs
  while (Date.now() < deadline) {
    if (options.service && options.service.child.exitCode !== null) {
      throw new Error(`${options.service.name} exited (code ${options.service.child.exitCode}) before port ${port} opened`)
    }
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: "127.0.0.1", port })
      socket.once("connect", () => (socket.destroy(), resolve(true)))
      socket.once("error", () => resolve(false))
    })
    if (open) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`Nothing listened on 127.0.0.1:${port} within ${options.timeoutMs} ms`)
}

/** Finds a free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net")
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()))
  const port = (server.address() as import("node:net").AddressInfo).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Throws a clear error when something already listens on 127.0.0.1:`port`. */
export async function assertPortFree(port: number, what: string): Promise<void> {
  const { createServer } = await import("node:net")
  const server = createServer()
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject)
      server.listen(port, "127.0.0.1", () => resolve())
    })
  } catch {
    throw new Error(`Port ${port} (${what}) is already in use. Stop whatever holds it (lsof -i :${port}) and try again.`)
  } finally {
    server.close()
  }
}

/**
 * Runs a command with the terminal as its output and resolves with its exit code. Async on
 * purpose: in-process stand-ins (the object store) must keep serving while it runs.
 */
export async function runInherit(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<number | null> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: "inherit" })
  const [code] = await once(child, "exit")
  return code as number | null
}
