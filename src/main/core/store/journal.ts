import { crc32 } from 'node:zlib'
import type { StoreOp } from './dataStore'
import type { SnapshotIdentity } from './snapshot'

/**
 * The journal: one line per committed transaction, `<crc32 hex> <json>\n`, where the JSON is
 * `{"seq":N,"ops":[...]}`. The checksum tells a complete line from one torn by a crash mid-append
 * (or damaged later), so replay skips it instead of applying garbage.
 *
 * The first line names the snapshot the journal continues (`{"base":{"crc32":…,"bytes":…}}`): a
 * journal is replayed only onto that very file, never onto one another program put in its place.
 */
export interface JournalEntry {
  seq: number
  ops: StoreOp[]
}

export function encodeEntry(entry: JournalEntry): string {
  const json = JSON.stringify(entry)
  return `${checksum(json)} ${json}\n`
}

export function encodeHeader(base: SnapshotIdentity): string {
  const json = JSON.stringify({ base: { crc32: base.crc32, bytes: base.bytes } })
  return `${checksum(json)} ${json}\n`
}

function checksum(text: string): string {
  return crc32(text).toString(16).padStart(8, '0')
}

export interface DecodedJournal {
  /** The snapshot this journal continues; null for a journal written before Rapport named it. */
  base: SnapshotIdentity | null
  /** Intact entries, in increasing order of their sequence numbers. */
  entries: JournalEntry[]
  /** Byte length up to the end of the last intact line: what follows is a torn or damaged tail. */
  validBytes: number
  /** Damaged lines (1-based) with intact entries after them: left out, every later entry kept. */
  damagedLines: number[]
  /** Intact entries that come after the first damaged line (kept and replayed). */
  keptAfterDamage: number
  /** Lines after the last intact one (a line half-written when the app was killed). */
  badTailLines: number
}

/**
 * Reads journal text line by line. A line that is incomplete, fails its checksum or is out of
 * order is left out; every intact line after it is still used.
 */
export function decodeJournal(text: string): DecodedJournal {
  const entries: JournalEntry[] = []
  let base: SnapshotIdentity | null = null
  let offset = 0
  let validEnd = 0
  let lastSeq = -Infinity
  let lineNo = 0
  const bad: number[] = []
  let keptAfterDamage = 0
  let badSinceLastGood = 0
  while (offset < text.length) {
    lineNo += 1
    const end = text.indexOf('\n', offset)
    const line = end === -1 ? null : text.slice(offset, end)
    const value = line === null ? null : decodeLine(line)
    if (lineNo === 1 && value && isHeader(value)) {
      base = value.base
      validEnd = end + 1
    } else if (value && isEntry(value) && value.seq > lastSeq) {
      entries.push(value)
      lastSeq = value.seq
      if (bad.length > 0) keptAfterDamage += 1
      validEnd = end + 1
      badSinceLastGood = 0
    } else if (line === null || line.length > 0) {
      bad.push(lineNo)
      badSinceLastGood += 1
    } else validEnd = end + 1
    if (end === -1) break
    offset = end + 1
  }
  const damagedLines = bad.slice(0, bad.length - badSinceLastGood)
  return {
    base,
    entries,
    validBytes: Buffer.byteLength(text.slice(0, validEnd)),
    damagedLines,
    keptAfterDamage,
    badTailLines: badSinceLastGood,
  }
}

function decodeLine(line: string): unknown {
  const space = line.indexOf(' ')
  if (space !== 8) return null
  const json = line.slice(9)
  if (checksum(json) !== line.slice(0, 8)) return null
  try {
    return JSON.parse(json) as unknown
  } catch {
    return null
  }
}

function isEntry(value: unknown): value is JournalEntry {
  const v = value as Partial<JournalEntry> | null
  return !!v && Number.isInteger(v.seq) && Array.isArray(v.ops)
}

function isHeader(value: unknown): value is { base: SnapshotIdentity } {
  const b = (value as { base?: Partial<SnapshotIdentity> } | null)?.base
  return !!b && Number.isInteger(b.crc32) && Number.isInteger(b.bytes)
}
