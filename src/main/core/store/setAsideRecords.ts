import { readdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { RapportError } from '../../../shared/errors'
import { collectionNames, collectionSchemas, type CollectionName } from '../../../shared/model'
import type {
  RepairChange,
  RepairResult,
  SetAsideKey,
  SetAsideProblem,
  SetAsideRecord,
} from '../../../shared/store/setAside'
import type { DataStore } from './dataStore'
import { writeFileDurably } from './durableJsonFile'

/**
 * Records of a hand-edited data file that could not be loaded (see handEdited.ts) wait in
 * `rapport.needs-attention-*.json`. From there the user repairs one and loads it, or leaves it
 * aside; either way the entry stays in the file, marked, so nothing is lost from disk and no
 * record is offered twice.
 */
const FILE_NAME = /^rapport\.needs-attention-[\w-]+\.json$/

const entrySchema = z
  .object({
    collection: z.enum(collectionNames),
    record: z.unknown(),
    problems: z.array(z.string()).optional(),
    status: z.enum(['repaired', 'dismissed']).optional(),
    statusAt: z.string().optional(),
    /** The id the repaired record was loaded under. */
    loadedAs: z.string().optional(),
  })
  .loose()
const fileSchema = z.array(entrySchema)
type Entry = z.infer<typeof entrySchema>

type Issue = { code: string; path: PropertyKey[]; origin?: string; maximum?: number | bigint }
type Path = PropertyKey[]

const isObject = (value: unknown): value is Record<PropertyKey, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function valueAt(target: unknown, path: Path): unknown {
  let node = target
  for (const key of path) node = (node as Record<PropertyKey, unknown> | undefined)?.[key]
  return node
}

function setAt(target: unknown, path: Path, value: unknown): void {
  const parent = valueAt(target, path.slice(0, -1)) as Record<PropertyKey, unknown>
  if (value === undefined) delete parent[path.at(-1)!]
  else parent[path.at(-1)!] = value
}

const pathText = (path: Path) => path.map(String).join('.')

function problemOf(record: unknown, issue: Issue): SetAsideProblem {
  const value = valueAt(record, issue.path)
  const kind: SetAsideProblem['kind'] =
    issue.code === 'invalid_type'
      ? value === undefined || value === null
        ? 'missing'
        : 'wrongType'
      : issue.code === 'too_big' && issue.origin === 'string'
        ? 'tooLong'
        : issue.code === 'invalid_value'
          ? 'unknownValue'
          : 'invalid'
  return { path: pathText(issue.path), kind }
}

export function problemsOf(collection: CollectionName, record: unknown): SetAsideProblem[] {
  if (!isObject(record)) return [{ path: '', kind: 'invalid' }]
  const parsed = collectionSchemas[collection].safeParse(record)
  return parsed.success ? [] : (parsed.error.issues as Issue[]).map((i) => problemOf(record, i))
}

export type RepairPlan =
  | { ok: true; record: { id: string } & Record<string, unknown>; changes: RepairChange[] }
  | { ok: false; problems: SetAsideProblem[] }

/**
 * A valid record from a set-aside one, changing only what must change: a missing (or null) field
 * takes the schema's default, an over-long text is cut to the limit (the full text kept in the
 * record's notes when it fits there), a value the schema does not know is dropped to the default.
 * Anything else (a required field without a default, a wrong type) cannot be guessed.
 */
export function planRepair(collection: CollectionName, raw: unknown): RepairPlan {
  if (!isObject(raw)) return { ok: false, problems: [{ path: '', kind: 'invalid' }] }
  const schema = collectionSchemas[collection]
  const copy = structuredClone(raw)
  const changes: { change: RepairChange; path: Path }[] = []
  const cuts: { path: Path; full: string }[] = []
  // Each pass fixes what it can; a field dropped may then show up as missing, hence a few passes.
  for (let pass = 0; pass < 4; pass += 1) {
    const parsed = schema.safeParse(copy)
    if (parsed.success) {
      const record = parsed.data as { id: string } & Record<string, unknown>
      for (const { change, path } of changes) {
        if (change.kind === 'cut') continue
        const now = valueAt(record, path)
        if (now !== undefined) change.to = typeof now === 'string' ? now : JSON.stringify(now)
      }
      keepCutTextsInNotes(collection, record, cuts, changes)
      return { ok: true, record, changes: changes.map((c) => c.change) }
    }
    let progress = false
    for (const issue of parsed.error.issues as Issue[]) {
      const path = issue.path
      const value = valueAt(copy, path)
      if (issue.code === 'too_big' && issue.origin === 'string' && typeof value === 'string') {
        const limit = Number(issue.maximum ?? 0)
        setAt(copy, path, value.slice(0, limit))
        cuts.push({ path, full: value })
        changes.push({
          path,
          change: { path: pathText(path), kind: 'cut', length: value.length, limit },
        })
        progress = true
        continue
      }
      const droppable =
        issue.code === 'invalid_value' || (issue.code === 'invalid_type' && value === null)
      // Only a field of an object: dropping an item of a list would lose the item.
      if (droppable && typeof path.at(-1) === 'string') {
        setAt(copy, path, undefined)
        const change: RepairChange =
          value === null
            ? { path: pathText(path), kind: 'filled' }
            : { path: pathText(path), kind: 'dropped', from: String(value) }
        changes.push({ path, change })
        progress = true
      }
    }
    if (!progress) break
  }
  return { ok: false, problems: problemsOf(collection, copy) }
}

function keepCutTextsInNotes(
  collection: CollectionName,
  record: Record<string, unknown>,
  cuts: { path: Path; full: string }[],
  changes: { change: RepairChange; path: Path }[],
): void {
  const schema = collectionSchemas[collection]
  if (!('notes' in schema.shape)) return
  for (const cut of cuts) {
    // The notes' own overflow has nowhere else to go: the set-aside file keeps the full text.
    if (pathText(cut.path) === 'notes') continue
    const notes = typeof record.notes === 'string' ? record.notes : ''
    const candidate = { ...record, notes: notes ? `${notes}\n\n${cut.full}` : cut.full }
    if (!schema.safeParse(candidate).success) continue
    record.notes = candidate.notes
    const change = changes.find((c) => c.change.kind === 'cut' && c.path === cut.path)
    if (change) change.change.keptInNotes = true
  }
}

const nameOf = (record: unknown): string | undefined => {
  const r = record as { name?: unknown; title?: unknown } | null
  const name = typeof r?.name === 'string' ? r.name : typeof r?.title === 'string' ? r.title : ''
  return name ? name.slice(0, 80) : undefined
}

/** The set-aside records of the data folder of `store`, and repairing or leaving aside one. */
export function createSetAsideService(store: DataStore, now: () => Date = () => new Date()) {
  const dir = dirname(store.file)
  // One change to a needs-attention file at a time: each rewrites the whole file.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work)
    queue = next.catch(() => undefined)
    return next
  }

  async function readEntries(file: string): Promise<Entry[]> {
    const text = await readFile(join(dir, file), 'utf8').catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    })
    if (text === null) return []
    const parsed = fileSchema.safeParse(JSON.parse(text.replace(/^\uFEFF/, '')))
    // A file the user reshaped by hand is theirs to fix; it is not offered here.
    return parsed.success ? parsed.data : []
  }

  async function pending(key: SetAsideKey): Promise<{ entries: Entry[]; entry: Entry }> {
    const entries = await readEntries(key.file)
    const entry = entries[key.index]
    if (!entry)
      throw new RapportError('NOT_FOUND', `No set-aside record ${key.file}#${key.index}`, {
        kind: 'setAsideRecord',
        id: `${key.file}#${key.index}`,
      })
    if (entry.status)
      throw new RapportError('CONFLICT', `That record was already ${entry.status}`, {
        status: entry.status,
      })
    return { entries, entry }
  }

  const mark = (file: string, entries: Entry[]) =>
    writeFileDurably(join(dir, file), JSON.stringify(entries, null, 2) + '\n')

  return {
    async list(): Promise<SetAsideRecord[]> {
      const files = (await readdir(dir)).filter((name) => FILE_NAME.test(name)).sort()
      const records: SetAsideRecord[] = []
      for (const file of files) {
        const entries = await readEntries(file).catch(() => [])
        entries.forEach((entry, index) => {
          if (entry.status) return
          const id = (entry.record as { id?: unknown } | null)?.id
          records.push({
            file,
            index,
            collection: entry.collection,
            id: typeof id === 'string' ? id : undefined,
            name: nameOf(entry.record),
            problems: problemsOf(entry.collection, entry.record),
            repairable: planRepair(entry.collection, entry.record).ok,
          })
        })
      }
      return records
    },

    repair(key: SetAsideKey): Promise<RepairResult> {
      return serial(async () => {
        const { entries, entry } = await pending(key)
        const plan = planRepair(entry.collection, entry.record)
        if (!plan.ok)
          throw new RapportError(
            'VALIDATION',
            'This record cannot be repaired automatically; it was left as it is',
            { reason: 'store.cannotRepair', problems: plan.problems },
          )
        const { record, changes } = plan
        const loadedAs = await store.update((tx) => {
          const taken = new Set(
            (tx.data[entry.collection] as readonly { id: string }[]).map((r) => r.id),
          )
          if (taken.has(record.id)) {
            // Never over the record that loaded under this id: both stay, as at load.
            let n = 2
            while (taken.has(`${record.id.slice(0, 60)}-${n}`)) n += 1
            const newId = `${record.id.slice(0, 60)}-${n}`
            changes.push({ path: 'id', kind: 'newId', from: record.id, to: newId })
            record.id = newId
          }
          tx.put(entry.collection, record as never)
          return record.id
        })
        entries[key.index] = {
          ...entry,
          status: 'repaired',
          statusAt: now().toISOString(),
          loadedAs,
        }
        await mark(key.file, entries)
        return { collection: entry.collection, id: loadedAs, name: nameOf(record), changes }
      })
    },

    /**
     * Takes a repair back: the loaded record leaves the store (one more transaction) and is
     * offered again. Refused once the record was edited since, so no later work is lost.
     */
    undoRepair(key: SetAsideKey): Promise<{ ok: true }> {
      return serial(async () => {
        const entries = await readEntries(key.file)
        const entry = entries[key.index]
        const plan =
          entry?.status === 'repaired' ? planRepair(entry.collection, entry.record) : null
        if (!entry || !plan?.ok || !entry.loadedAs)
          throw new RapportError('NOT_FOUND', `No repaired record ${key.file}#${key.index}`, {
            kind: 'setAsideRecord',
            id: `${key.file}#${key.index}`,
          })
        const loadedAs = entry.loadedAs
        await store.update((tx) => {
          const now = (tx.data[entry.collection] as readonly Record<string, unknown>[]).find(
            (r) => r.id === loadedAs,
          )
          if (!now) return
          if (now.updatedAt !== plan.record.updatedAt)
            throw new RapportError('CONFLICT', 'The repaired record was edited since', {
              kind: entry.collection,
              id: loadedAs,
            })
          tx.remove(entry.collection, loadedAs)
        })
        const { status: _s, statusAt: _a, loadedAs: _l, ...offered } = entry
        entries[key.index] = offered
        await mark(key.file, entries)
        return { ok: true as const }
      })
    },

    dismiss(key: SetAsideKey): Promise<{ ok: true }> {
      return serial(async () => {
        const { entries, entry } = await pending(key)
        entries[key.index] = { ...entry, status: 'dismissed', statusAt: now().toISOString() }
        await mark(key.file, entries)
        return { ok: true as const }
      })
    },
  }
}
