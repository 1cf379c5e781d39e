import {
  collectionNames,
  collectionSchemas,
  storeDataSchema,
  type CollectionName,
  type StoreData,
} from '../../../shared/model'
import type { AttentionRecord } from '../../../shared/store/storeNotice'

/**
 * A data file edited by hand (or by another tool) is loaded record by record instead of being
 * thrown away whole for one field: what fits loads, a text longer than allowed loads as it is
 * (the record's editor then asks to shorten it), a record missing a field or holding a wrong one
 * is set aside, two records with one id both stay (the second gets a new id), and fields Rapport
 * does not know are named. Every such record is listed for the user.
 */
export interface HandEditedResult {
  data: StoreData
  attention: AttentionRecord[]
  /** Records not loaded, with what is wrong with them, for the set-aside file. */
  setAside: { collection: CollectionName; record: unknown; problems: string[] }[]
}

type Issue = {
  code: string
  path: PropertyKey[]
  origin?: string
  maximum?: number | bigint
}

const nameOf = (record: unknown): string | undefined => {
  const r = record as { name?: unknown; title?: unknown }
  const name = typeof r?.name === 'string' ? r.name : typeof r?.title === 'string' ? r.title : ''
  return name ? name.slice(0, 80) : undefined
}

function valueAt(target: unknown, path: PropertyKey[]): unknown {
  let node = target as Record<PropertyKey, unknown> | undefined
  for (const key of path) node = node?.[key] as Record<PropertyKey, unknown> | undefined
  return node
}

/** Sets `value` at `path` inside `target` (objects and arrays), returning the previous value. */
function swapAt(target: unknown, path: PropertyKey[], value: unknown): unknown {
  let node = target as Record<PropertyKey, unknown>
  for (const key of path.slice(0, -1)) node = node[key] as Record<PropertyKey, unknown>
  const last = path.at(-1)!
  const previous = node[last]
  node[last] = value
  return previous
}

/** Called only once the whole-file check failed and the root itself has the right shape. */
export function loadHandEdited(migrated: Record<string, unknown>): HandEditedResult | null {
  const root = storeDataSchema
    .pick({ schemaVersion: true, journalSeq: true, settings: true })
    .safeParse(migrated)
  if (!root.success) return null
  if (collectionNames.some((name) => !Array.isArray(migrated[name]))) return null

  const attention: AttentionRecord[] = []
  const setAside: HandEditedResult['setAside'] = []
  const data = { ...root.data } as StoreData
  for (const collection of collectionNames) {
    const schema = collectionSchemas[collection]
    const kept: { id: string }[] = []
    const seen = new Set<string>()
    for (const raw of migrated[collection] as unknown[]) {
      let parsed = schema.safeParse(raw)
      const longTexts: { path: PropertyKey[]; value: string }[] = []
      if (!parsed.success) {
        const issues = parsed.error.issues as Issue[]
        const onlyTooLong = issues.every((i) => i.code === 'too_big' && i.origin === 'string')
        if (onlyTooLong) {
          // Load it with the full text: parse a copy cut to the limits, then put the text back.
          const copy = structuredClone(raw)
          for (const issue of issues) {
            const at = issue.path
            const whole = swapAt(copy, at, '') as string
            swapAt(copy, at, whole.slice(0, Number(issue.maximum ?? 0)))
            longTexts.push({ path: at, value: whole })
          }
          parsed = schema.safeParse(copy)
        }
      }
      const id = String((raw as { id?: unknown })?.id ?? '')
      if (!parsed.success) {
        const issues = parsed.error.issues as Issue[]
        const missing = issues.find(
          (i) => i.code === 'invalid_type' && valueAt(raw, i.path) === undefined,
        )
        const first = missing ?? issues[0]!
        setAside.push({
          collection,
          record: raw,
          problems: issues.map((i) => `${i.path.join('.')}: ${i.code}`),
        })
        attention.push({
          collection,
          id,
          name: nameOf(raw),
          problem: missing ? 'missingField' : 'invalid',
          field: first.path.join('.'),
          loaded: false,
        })
        continue
      }
      const record = parsed.data as { id: string }
      for (const { path, value } of longTexts) swapAt(record, path, value)
      if (longTexts.length > 0)
        attention.push({
          collection,
          id: record.id,
          name: nameOf(record),
          problem: 'tooLong',
          field: longTexts.map((t) => t.path.join('.')).join(', '),
          loaded: true,
        })
      const unknown = Object.keys(raw as object).filter((key) => !(key in record))
      if (unknown.length > 0)
        attention.push({
          collection,
          id: record.id,
          name: nameOf(record),
          problem: 'unknownFields',
          field: unknown.join(', '),
          loaded: true,
        })
      if (seen.has(record.id)) {
        // Both stay: the second one under a new id, so neither replaces the other.
        let n = 2
        while (seen.has(`${record.id.slice(0, 60)}-${n}`)) n += 1
        const newId = `${record.id.slice(0, 60)}-${n}`
        attention.push({
          collection,
          id: newId,
          name: nameOf(record),
          problem: 'duplicateId',
          field: record.id,
          loaded: true,
        })
        record.id = newId
      }
      seen.add(record.id)
      kept.push(record)
    }
    ;(data as Record<string, unknown>)[collection] = kept
  }
  return { data, attention, setAside }
}

/** Duplicate ids and unknown fields in a file that otherwise passed the whole-file check. */
export function findQuietProblems(migrated: Record<string, unknown>): boolean {
  for (const collection of collectionNames) {
    const list = migrated[collection]
    if (!Array.isArray(list)) continue
    const ids = new Set<unknown>()
    const known = new Set(Object.keys(collectionSchemas[collection].shape))
    for (const raw of list as Record<string, unknown>[]) {
      if (ids.has(raw?.id)) return true
      ids.add(raw?.id)
      for (const key in raw) if (!known.has(key)) return true
    }
  }
  return false
}
