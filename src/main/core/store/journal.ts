import { crc32 } from 'node:zlib'
import type { StoreOp } from './dataStore'

/**
 * The journal: one line per committed transaction, `<crc32 hex> <json>\n`, where the JSON is
 * `{"seq":N,"ops":[...]}`. The checksum tells a complete line from one torn by a crash mid-append
 * (or damaged later), so replay can stop there instead of applying garbage.
 */
export interface JournalEntry {
  seq: number
  ops: StoreOp[]
}

export function encodeEntry(entry: JournalEntry): string {
  const json = JSON.stringify(entry)
  return `${checksum(json)} ${json}\n`
}

function checksum(text: string): string {
  return crc32(text).toString(16).padStart(8, '0')
}

export interface DecodedJournal {
  entries: JournalEntry[]
  /** Byte length of the valid prefix: everything after it is unusable. */
  validBytes: number
  /** Lines from the first bad one to the end, not replayed. */
  badLines: number
}

/** Reads journal text up to the first line that is incomplete, fails its checksum or is out of order. */
export function decodeJournal(text: string): DecodedJournal {
  const entries: JournalEntry[] = []
  let offset = 0
  let lastSeq = -Infinity
  while (offset < text.length) {
    const end = text.indexOf('\n', offset)
    const line = end === -1 ? null : text.slice(offset, end)
    const entry = line === null ? null : decodeLine(line)
    if (!entry || entry.seq <= lastSeq) {
      const rest = text.slice(offset)
      const badLines = rest.split('\n').filter((l) => l.length > 0).length
      return { entries, validBytes: Buffer.byteLength(text.slice(0, offset)), badLines }
    }
    entries.push(entry)
    lastSeq = entry.seq
    offset = end + 1
  }
  return { entries, validBytes: Buffer.byteLength(text), badLines: 0 }
}

function decodeLine(line: string): JournalEntry | null {
  const space = line.indexOf(' ')
  if (space !== 8) return null
  const json = line.slice(9)
  if (checksum(json) !== line.slice(0, 8)) return null
  try {
    const value = JSON.parse(json) as JournalEntry
    if (!Number.isInteger(value.seq) || !Array.isArray(value.ops)) return null
    return value
  } catch {
    return null
  }
}
