import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Low } from 'lowdb'
import { storeDataSchema, type StoreData } from '../../../shared/model'
import { RapportError, validationIssues } from '../../../shared/errors'
import type { DataStore } from './dataStore'
import { DurableJsonFile } from './durableJsonFile'
import { migrate, MigrationError } from './migrations'
import { storeUnavailable } from './storeErrors'

export interface OpenJsonStoreOptions {
  /** Data for a brand-new file (first launch). Not used when the file exists. */
  initialData: () => StoreData
}

/**
 * Opens the store file through lowdb. A file that does not parse, migrate or validate is refused
 * with STORE_UNAVAILABLE and never written to: the user's data stays as it was on disk.
 */
export async function openJsonStore(
  file: string,
  options: OpenJsonStoreOptions,
): Promise<DataStore> {
  const adapter = new DurableJsonFile<StoreData>(file, (text) => parseStoreText(file, text))
  let existing: StoreData | null
  try {
    existing = await adapter.read()
  } catch (error) {
    if (error instanceof RapportError) throw error
    throw storeUnavailable(file, `it could not be read (${(error as Error).message})`)
  }
  const db = new Low<StoreData>(adapter, existing ?? options.initialData())
  if (existing === null) {
    await mkdir(dirname(file), { recursive: true })
    await db.write()
  }

  // One write at a time: each update starts from the state the previous one left.
  let queue: Promise<unknown> = Promise.resolve()
  let closed = false

  return {
    file,
    read: () => db.data,
    update<T>(mutate: (draft: StoreData) => T): Promise<T> {
      const run = async (): Promise<T> => {
        if (closed) throw storeUnavailable(file, 'the store is closed')
        const draft = structuredClone(db.data)
        const result = mutate(draft)
        const checked = storeDataSchema.safeParse(draft)
        if (!checked.success) {
          throw new RapportError('VALIDATION', 'The change does not fit the data format', {
            issues: validationIssues(checked.error),
          })
        }
        const previous = db.data
        db.data = checked.data
        try {
          await db.write()
        } catch (error) {
          db.data = previous
          throw storeUnavailable(
            file,
            `the change could not be saved (${(error as Error).message})`,
          )
        }
        return result
      }
      const next = queue.then(run, run)
      queue = next.catch(() => undefined)
      return next
    },
    async close() {
      closed = true
      await queue
    },
  }
}

function parseStoreText(file: string, text: string): StoreData {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw storeUnavailable(file, `it is not valid JSON (${(error as Error).message})`)
  }
  let migrated: unknown
  try {
    migrated = migrate(raw)
  } catch (error) {
    if (error instanceof MigrationError) throw storeUnavailable(file, error.message)
    throw error
  }
  const parsed = storeDataSchema.safeParse(migrated)
  if (!parsed.success) {
    const first = validationIssues(parsed.error).slice(0, 3)
    const where = first.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')
    throw storeUnavailable(file, `its contents do not match Rapport's data format (${where})`)
  }
  return parsed.data
}
