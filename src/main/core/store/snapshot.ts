import { readFile } from 'node:fs/promises'
import { crc32 } from 'node:zlib'
import { z } from 'zod'
import { validationIssues } from '../../../shared/errors'
import {
  collectionNames,
  CURRENT_SCHEMA_VERSION,
  storeDataSchema,
  type StoreData,
} from '../../../shared/model'
import type { AttentionRecord } from '../../../shared/store/storeNotice'
import { writeFileDurably } from './durableJsonFile'
import { findQuietProblems, loadHandEdited, type HandEditedResult } from './handEdited'
import { migrate, MigrationError } from './migrations'

/** Why a snapshot cannot be used. `newer` files are refused as they are, never "repaired". */
export class SnapshotError extends Error {
  constructor(
    readonly kind: 'corrupt' | 'newer',
    message: string,
  ) {
    super(message)
  }
}

/** parse → migrate → validate. Throws SnapshotError with a sentence a user can act on. */
export function parseSnapshot(text: string): StoreData {
  return parseSnapshotReport(text).data
}

export interface SnapshotReport {
  data: StoreData
  /** Records of a hand-edited file that need the user's attention (see handEdited.ts). */
  attention: AttentionRecord[]
  setAside: HandEditedResult['setAside']
}

/** parse → migrate → validate, loading a hand-edited file record by record where it must. */
export function parseSnapshotReport(text: string): SnapshotReport {
  let raw: unknown
  try {
    // A byte-order mark is what some editors put first in a UTF-8 file; it is not content.
    raw = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text)
  } catch (error) {
    throw new SnapshotError('corrupt', `it is not valid JSON (${(error as Error).message})`)
  }
  let migrated: unknown
  try {
    migrated = migrate(raw)
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error
    throw new SnapshotError(
      /newer Rapport/.test(error.message) ? 'newer' : 'corrupt',
      error.message,
    )
  }
  const parsed = storeDataSchema.safeParse(migrated)
  const doc = migrated as Record<string, unknown>
  if (parsed.success && !findQuietProblems(doc))
    return { data: parsed.data, attention: [], setAside: [] }
  const lenient = loadHandEdited(doc)
  if (lenient) return lenient
  if (parsed.success) return { data: parsed.data, attention: [], setAside: [] }
  const where = validationIssues(parsed.error)
    .slice(0, 3)
    .map((issue) => `${issue.path || '(root)'}: ${issue.message}`)
    .join('; ')
  throw new SnapshotError('corrupt', `its contents do not match Rapport's data format (${where})`)
}

/**
 * The snapshot as text: JSON with one record per line, so the file stays readable, greppable and
 * diffable at 100 MB without the size and time that full indentation costs.
 */
export function serializeSnapshot(data: StoreData): string {
  const parts: string[] = ['{\n']
  const collections = new Set<string>(collectionNames)
  for (const [key, value] of Object.entries(data)) {
    if (!collections.has(key)) parts.push(`${JSON.stringify(key)}: ${JSON.stringify(value)},\n`)
  }
  collectionNames.forEach((name, i) => {
    const records = data[name] as unknown[]
    parts.push(`${JSON.stringify(name)}: [`)
    if (records.length > 0)
      parts.push('\n', records.map((r) => JSON.stringify(r)).join(',\n'), '\n')
    parts.push(i === collectionNames.length - 1 ? ']\n' : '],\n')
  })
  parts.push('}\n')
  return parts.join('')
}

/**
 * Beside each snapshot Rapport writes, `<snapshot>.sum` holds its checksum (and the checksum of
 * the snapshot it replaced). Every record in a snapshot we wrote was validated when it was
 * journaled, so a snapshot whose checksum matches is known good and loads without re-validating
 * 180,000 records; anything else (edited by hand, synced from elsewhere, damaged) gets the full
 * check. The checksum is computed at every load: size and time say nothing about the bytes.
 */
const sumSchema = z.object({
  crc32: z.number().int(),
  bytes: z.number().int(),
  /**
   * The snapshot the journal continued when this one was written: a crash before the journal was
   * rewritten leaves a journal naming it, which still belongs to this snapshot.
   */
  prevCrc32: z.number().int().optional(),
})
export type SnapshotSum = z.infer<typeof sumSchema>
const sumFileOf = (file: string) => `${file}.sum`

/** What identifies one version of the snapshot: its checksum and length. */
export interface SnapshotIdentity {
  crc32: number
  bytes: number
}

export function identityOf(bytes: Buffer): SnapshotIdentity {
  return { crc32: crc32(bytes), bytes: bytes.length }
}

export async function readSum(file: string): Promise<SnapshotSum | null> {
  return readFile(sumFileOf(file), 'utf8')
    .then((text) => sumSchema.parse(JSON.parse(text)))
    .catch(() => null)
}

/**
 * Writes the snapshot durably. The checksum file is written first: a crash between the two leaves
 * the old snapshot beside a sum that does not match it (a slower, fully checked load), never a
 * foreign-looking new one. `beforeRename` runs right before the new file takes the name, so the
 * caller can set aside a version another program put there meanwhile.
 */
export async function writeSnapshot(
  file: string,
  data: StoreData,
  options: { prev?: SnapshotIdentity | null; beforeRename?: (temp: string) => Promise<void> } = {},
): Promise<SnapshotIdentity> {
  const bytes = Buffer.from(serializeSnapshot(data), 'utf8')
  const identity = identityOf(bytes)
  const sum: SnapshotSum = { ...identity }
  if (options.prev) sum.prevCrc32 = options.prev.crc32
  await writeFileDurably(file, bytes, {
    beforeRename: async (temp) => {
      await writeFileDurably(sumFileOf(file), JSON.stringify(sum))
      await options.beforeRename?.(temp)
    },
  })
  return identity
}

export interface LoadedSnapshot extends SnapshotReport {
  data: StoreData
  identity: SnapshotIdentity
  sum: SnapshotSum | null
  /** Byte for byte the file Rapport last wrote here. */
  ours: boolean
}

/** The snapshot's data with its identity, or null when the file does not exist. */
export async function loadSnapshot(file: string): Promise<LoadedSnapshot | null> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new SnapshotError('corrupt', `it could not be read (${(error as Error).message})`)
  }
  const identity = identityOf(bytes)
  const sum = await readSum(file)
  const ours = sum !== null && sum.crc32 === identity.crc32 && sum.bytes === identity.bytes
  const text = bytes.toString('utf8')
  if (ours) {
    try {
      const trusted = JSON.parse(text) as StoreData
      if (trusted.schemaVersion === CURRENT_SCHEMA_VERSION)
        return { data: trusted, attention: [], setAside: [], identity, sum, ours }
    } catch {
      // Fall through to the full check, which explains what is wrong.
    }
  }
  return { ...parseSnapshotReport(text), identity, sum, ours }
}

/** The snapshot's data, or null when the file does not exist. */
export async function readSnapshot(file: string): Promise<StoreData | null> {
  return (await loadSnapshot(file))?.data ?? null
}

export function countRecords(data: StoreData): {
  contacts: number
  events: number
  records: number
} {
  const records =
    data.contacts.length +
    data.events.length +
    data.encounters.length +
    data.followUps.length +
    data.communities.length +
    data.gatherings.length +
    data.relationships.length +
    data.helps.length
  return { contacts: data.contacts.length, events: data.events.length, records }
}
