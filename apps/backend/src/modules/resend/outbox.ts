import { randomUUID } from "node:crypto"
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

export type OutboxEmail = {
  id: string
  to: string
  from: string
  subject: string
  html: string
  text: string
  template: string
  created_at: string
}

const ID = /^[0-9a-f-]{36}$/

/**
 * Development and test email: instead of Resend, every message is kept as a JSON file, listed
 * and rendered by the `/dev/outbox` pages. Never used when a Resend API key is configured.
 */
export class EmailOutbox {
  constructor(readonly dir: string) {}

  write(email: Omit<OutboxEmail, "id" | "created_at">): OutboxEmail {
    mkdirSync(this.dir, { recursive: true })
    const stored: OutboxEmail = { ...email, id: randomUUID(), created_at: new Date().toISOString() }
    writeFileSync(join(this.dir, `${stored.id}.json`), JSON.stringify(stored))
    return stored
  }

  /** Newest first; optionally only those sent to `to`. */
  list(to?: string): OutboxEmail[] {
    let names: string[]
    try {
      names = readdirSync(this.dir).filter((name) => name.endsWith(".json"))
    } catch {
      return []
    }
    return names
      .map((name) => JSON.parse(readFileSync(join(this.dir, name), "utf8")) as OutboxEmail)
      .filter((email) => !to || email.to.toLowerCase() === to.toLowerCase())
      .sort((a, b) => b.created_at.localeCompare(a.created_at))
  }

  get(id: string): OutboxEmail | null {
    if (!ID.test(id)) return null
    try {
      return JSON.parse(readFileSync(join(this.dir, `${id}.json`), "utf8")) as OutboxEmail
    } catch {
      return null
    }
  }
}
