import { spawn } from "node:child_process"
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"

/**
 * nginx from Debian serving one saved HTML page on loopback: the machine's ceiling for a page.
 * One worker per core, access log off, as a tuned static server would run.
 */
export async function startNginx(options: { dir: string; port: number; html: string }): Promise<{ url: string; stop: () => Promise<void> }> {
  const { dir, port } = options
  mkdirSync(join(dir, "html"), { recursive: true })
  mkdirSync(join(dir, "logs"), { recursive: true })
  writeFileSync(join(dir, "html", "index.html"), options.html)
  const asRoot = process.getuid?.() === 0
  writeFileSync(
    join(dir, "nginx.conf"),
    `${asRoot ? "user root;\n" : ""}worker_processes auto;
pid ${join(dir, "nginx.pid")};
error_log ${join(dir, "logs", "error.log")} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${join(dir, "tmp")};
  proxy_temp_path ${join(dir, "tmp")};
  fastcgi_temp_path ${join(dir, "tmp")};
  uwsgi_temp_path ${join(dir, "tmp")};
  scgi_temp_path ${join(dir, "tmp")};
  default_type text/html;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:${port};
    root ${join(dir, "html")};
    location / { try_files /index.html =404; }
  }
}
`,
  )
  mkdirSync(join(dir, "tmp"), { recursive: true })
  const child = spawn("nginx", ["-p", dir, "-c", join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: "ignore" })
  const url = `http://127.0.0.1:${port}/`
  const deadline = Date.now() + 10_000
  for (;;) {
    const up = await fetch(url).then((r) => r.ok, () => false)
    if (up) break
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`nginx did not start (see ${join(dir, "logs", "error.log")})`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    url,
    stop: async () => {
      child.kill("SIGQUIT")
      await new Promise((resolve) => child.once("exit", resolve))
    },
  }
}
