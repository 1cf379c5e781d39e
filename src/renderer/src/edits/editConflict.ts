import { RapportError } from '../../../shared/errors'
import {
  isEditConflict,
  isPlainObject,
  sameValue,
  valueAt,
  type EditConflict,
} from '../../../shared/store/versionedEdit'

export type ConflictChoice = 'mine' | 'theirs'

/** The conflict a save was refused with, or null for any other error. */
export function editConflictOf(caught: unknown): EditConflict | null {
  if (!(caught instanceof RapportError) || caught.code !== 'CONFLICT') return null
  return isEditConflict(caught.details) ? caught.details : null
}

/** A copy of `record` with `value` at a dotted path. */
export function withValueAt<R>(record: R, path: string, value: unknown): R {
  const [key, ...rest] = path.split('.')
  const source: Record<string, unknown> = isPlainObject(record) ? record : {}
  return {
    ...source,
    [key!]: rest.length === 0 ? value : withValueAt(source[key!], rest.join('.'), value),
  } as R
}

/**
 * What an editor changed: the paths whose values differ between the fields filled from the
 * record it started from and the fields as the user left them, with the changed values and
 * the record's own values there before (what the core checks against).
 */
export function changesOf(
  startedFields: object,
  fields: object,
  paths: readonly string[],
  record: object,
): { patch: Record<string, unknown>; base: Record<string, unknown> } {
  const changed = paths.filter(
    (path) => !sameValue(valueAt(startedFields, path), valueAt(fields, path)),
  )
  let patch: Record<string, unknown> = {}
  for (const path of changed) patch = withValueAt(patch, path, valueAt(fields, path))
  return {
    patch,
    base: Object.fromEntries(changed.map((path) => [path, valueAt(record, path) ?? null])),
  }
}

/**
 * Takes the other window's change into the editor: the record the editor started from becomes
 * the one now stored (so a next save is not refused again), and the draft takes their value
 * for every field where the user chose theirs. The rest of the draft, the user's typing, stays.
 */
export function rebaseOnConflict<R, D extends Record<string, unknown>>(
  started: R,
  draft: D,
  conflict: EditConflict,
  choices: Record<string, ConflictChoice>,
  draftOf: (record: R) => D,
): { started: R; draft: D } {
  let rebased = started
  for (const path of conflict.fields) rebased = withValueAt(rebased, path, conflict.current[path])
  if (conflict.updatedAt) rebased = withValueAt(rebased, 'updatedAt', conflict.updatedAt)
  const before = draftOf(started)
  let next = draft
  for (const path of conflict.fields) {
    if (choices[path] !== 'theirs') continue
    const theirs = draftOf(withValueAt(started, path, conflict.current[path]))
    for (const key of Object.keys(before)) {
      if (!sameValue(before[key], theirs[key])) next = { ...next, [key]: theirs[key] }
    }
  }
  return { started: rebased, draft: next }
}
