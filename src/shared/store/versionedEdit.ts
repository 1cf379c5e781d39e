import { z } from 'zod'

/**
 * What an editor sends besides its changed fields, so that two windows editing the same record
 * cannot silently overwrite each other: the version it started from and, for each changed
 * field, the value it started from. The core refuses the write (CONFLICT) when another window
 * changed one of those fields since; changes to other fields are kept on both sides.
 */
export const versionedEditShape = {
  /** The record's updatedAt when the editor opened it. */
  expectedUpdatedAt: z.iso.datetime({ offset: true }).optional(),
  /** The changed fields' values when the editor opened the record (same paths as the patch). */
  base: z.record(z.string().max(60), z.json()).optional(),
}

/** The details of a CONFLICT answer: which fields changed elsewhere, and to what. */
export interface EditConflict {
  kind: string
  id?: string
  /** The record's version now: send it back to save over the other change on purpose. */
  updatedAt?: string
  /** Paths of the fields both sides changed, such as "name" or "me.positioning.oneLiner". */
  fields: string[]
  /** Their values now, by path. */
  current: Record<string, unknown>
}

export function isEditConflict(details: unknown): details is EditConflict {
  if (typeof details !== 'object' || details === null) return false
  const { fields, current } = details as Partial<EditConflict>
  return Array.isArray(fields) && typeof current === 'object' && current !== null
}

/** Empty text, an empty list, null and a missing value all mean "nothing there". */
function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  )
}

/**
 * Whether two field values say the same thing: deep equality of JSON values where a blank
 * value equals a missing one (an editor shows a missing venue as an empty box).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isBlank(a) && isBlank(b)) return true
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]))
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    return [...keys].every((key) => sameValue(a[key], b[key]))
  }
  return a === b
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The value at a dotted path such as "me.positioning.oneLiner". */
export function valueAt(record: unknown, path: string): unknown {
  let value = record
  for (const key of path.split('.')) {
    if (!isPlainObject(value)) return undefined
    value = value[key]
  }
  return value
}

/**
 * The dotted paths a patch sets. Objects named in `mergedPaths` are patched field by field
 * (settings' "me"); any other value, objects included, replaces the stored one whole.
 */
export function patchPaths(
  patch: Record<string, unknown>,
  mergedPaths: readonly string[] = [],
  prefix = '',
): string[] {
  return Object.entries(patch).flatMap(([key, value]) => {
    if (value === undefined) return []
    const path = prefix ? `${prefix}.${key}` : key
    return mergedPaths.includes(path) && isPlainObject(value)
      ? patchPaths(value, mergedPaths, path)
      : [path]
  })
}
