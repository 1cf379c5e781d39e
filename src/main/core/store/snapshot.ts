import { readFile } from 'node:fs/promises'
import { validationIssues } from '../../../shared/errors'
import { storeDataSchema, type StoreData } from '../../../shared/model'
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

/** The snapshot's data, or null when the file does not exist. */
export async function readSnapshot(file: string): Promise<StoreData | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new SnapshotError('corrupt', `it could not be read (${(error as Error).message})`)
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
    data.relationships.length
  return { contacts: data.contacts.length, events: data.events.length, records }
}
