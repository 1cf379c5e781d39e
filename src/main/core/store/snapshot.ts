import { readFile, stat } from 'node:fs/promises'
import { crc32 } from 'node:zlib'
import { z } from 'zod'
import { validationIssues } from '../../../shared/errors'
import {
  collectionNames,
  CURRENT_SCHEMA_VERSION,
  storeDataSchema,
  type StoreData,
} from '../../../shared/model'
import { writeFileDurably } from './durableJsonFile'
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
  let raw: unknown
  try {
    raw = JSON.parse(text)
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
  if (!parsed.success) {
    const where = validationIssues(parsed.error)
      .slice(0, 3)
      .map((issue) => `${issue.path || '(root)'}: ${issue.message}`)
      .join('; ')
    throw new SnapshotError('corrupt', `its contents do not match Rapport's data format (${where})`)
  }
  return parsed.data
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
 * Beside each snapshot Rapport writes, `<snapshot>.sum` holds its checksum. Every record in a
 * snapshot we wrote was validated when it was journaled, so a snapshot whose checksum matches is
 * known good and loads without re-validating 180,000 records; anything else (edited by hand,
 * synced from elsewhere, damaged) gets the full check.
 */
const sumSchema = z.object({
  crc32: z.number().int(),
  bytes: z.number().int(),
  /** The file as we left it: the same inode, size and time mean nobody has touched it since. */
  ino: z.number(),
  mtimeMs: z.number(),
})
const sumFileOf = (file: string) => `${file}.sum`

/** Writes the snapshot durably, then its checksum (a crash between them only costs a slower load). */
export async function writeSnapshot(file: string, data: StoreData): Promise<void> {
  const bytes = Buffer.from(serializeSnapshot(data), 'utf8')
  await writeFileDurably(file, bytes)
  const written = await stat(file)
  const sum = {
    crc32: crc32(bytes),
    bytes: bytes.length,
    ino: written.ino,
    mtimeMs: written.mtimeMs,
  }
  await writeFileDurably(sumFileOf(file), JSON.stringify(sum))
}

/** The snapshot exactly as Rapport wrote it? First by its file identity, else by its checksum. */
async function isOurs(file: string, bytes: () => Promise<Buffer>): Promise<boolean> {
  const sum = await readFile(sumFileOf(file), 'utf8')
    .then((text) => sumSchema.parse(JSON.parse(text)))
    .catch(() => null)
  if (!sum) return false
  const now = await stat(file)
  if (now.ino === sum.ino && now.size === sum.bytes && now.mtimeMs === sum.mtimeMs) return true
  const content = await bytes()
  return content.length === sum.bytes && crc32(content) === sum.crc32
}

/** The snapshot's data, or null when the file does not exist. */
export async function readSnapshot(file: string): Promise<StoreData | null> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new SnapshotError('corrupt', `it could not be read (${(error as Error).message})`)
  }
  const text = bytes.toString('utf8')
  if (await isOurs(file, async () => bytes)) {
    try {
      const trusted = JSON.parse(text) as StoreData
      if (trusted.schemaVersion === CURRENT_SCHEMA_VERSION) return trusted
    } catch {
      // Fall through to the full check, which explains what is wrong.
    }
  }
  return parseSnapshot(text)
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
