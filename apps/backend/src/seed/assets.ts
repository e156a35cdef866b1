import { zipSync, strToU8 } from "fflate"
import { crc32, deflateSync } from "node:zlib"

/**
 * Seed assets made in code, so a fresh clone needs no binary files and no network:
 * a product image (PNG) and a real ZIP archive per product.
 */

export type Palette = { from: [number, number, number]; to: [number, number, number]; accent: [number, number, number] }

/** A deterministic pseudo-random generator (mulberry32), so every seed makes the same bytes. */
export function prng(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A square PNG: a diagonal gradient with scattered "stars" and a ring, in the product's palette. */
export function productImage(palette: Palette, seed: number, size = 640): Buffer {
  const random = prng(seed)
  const stars = Array.from({ length: 90 }, () => ({
    x: random() * size,
    y: random() * size * 0.75,
    r: 0.6 + random() * 1.8,
  }))
  const ring = { x: size * (0.3 + random() * 0.4), y: size * (0.35 + random() * 0.2), r: size * (0.16 + random() * 0.08) }
  const rows: Buffer[] = []
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3)
    for (let x = 0; x < size; x += 1) {
      const t = (x + y) / (2 * size)
      let rgb = palette.from.map((c, i) => c + (palette.to[i]! - c) * t)
      const d = Math.hypot(x - ring.x, y - ring.y)
      const edge = Math.abs(d - ring.r)
      if (edge < 3) rgb = mix(rgb, palette.accent, 1 - edge / 3)
      else if (d < ring.r) rgb = mix(rgb, palette.accent, 0.12)
      row[1 + x * 3] = clamp(rgb[0]!)
      row[2 + x * 3] = clamp(rgb[1]!)
      row[3 + x * 3] = clamp(rgb[2]!)
    }
    rows.push(row)
  }
  for (const star of stars) {
    const cx = Math.round(star.x)
    const cy = Math.round(star.y)
    const reach = Math.ceil(star.r) + 1
    for (let y = cy - reach; y <= cy + reach; y += 1) {
      for (let x = cx - reach; x <= cx + reach; x += 1) {
        if (x < 0 || y < 0 || x >= size || y >= size) continue
        const glow = Math.max(0, 1 - Math.hypot(x - star.x, y - star.y) / star.r)
        if (glow <= 0) continue
        const row = rows[y]!
        for (let c = 0; c < 3; c += 1) row[1 + x * 3 + c] = clamp(row[1 + x * 3 + c]! + 255 * glow)
      }
    }
  }
  return encodePng(size, size, Buffer.concat(rows))
}

function mix(a: number[], b: readonly number[], t: number) {
  return a.map((c, i) => c + (b[i]! - c) * t)
}

function clamp(value: number) {
  return Math.max(0, Math.min(255, Math.round(value)))
}

function encodePng(width: number, height: number, filteredRows: Buffer): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(filteredRows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ])
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, "ascii"), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body) >>> 0)
  return Buffer.concat([length, body, crc])
}

/** A real ZIP: a README, a licence, and the product's files (deterministic content). */
export function productArchive(input: {
  title: string
  description: string
  files: { name: string; bytes: number }[]
  seed: number
}): Buffer {
  const random = prng(input.seed)
  const entries: Record<string, Uint8Array> = {
    "README.txt": strToU8(`${input.title}\n${"=".repeat(input.title.length)}\n\n${input.description}\n\nThank you for buying from Vespertene.\n`),
    "LICENSE.txt": strToU8(
      "Vespertene standard licence: personal and commercial use in your own projects.\nDo not resell or redistribute the files themselves.\n",
    ),
  }
  for (const file of input.files) {
    const bytes = new Uint8Array(file.bytes)
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(random() * 256)
    entries[file.name] = bytes
  }
  // A fixed modification time keeps the archive byte-for-byte reproducible.
  return Buffer.from(zipSync(entries, { level: 6, mtime: new Date("2026-01-01T00:00:00Z") }))
}
