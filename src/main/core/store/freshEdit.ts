import { RapportError } from '../../../shared/errors'
import {
  patchPaths,
  sameValue,
  valueAt,
  type EditConflict,
} from '../../../shared/store/versionedEdit'

export interface EditCheck {
  /** What the record is, for the message: "event", "community", "gathering", "settings". */
  kind: string
  id?: string
  /** The record as stored now. */
  current: object
  patch: Record<string, unknown>
  expectedUpdatedAt?: string | undefined
  base?: Record<string, unknown> | undefined
  /** Nested objects that a patch changes field by field. */
  mergedPaths?: readonly string[]
}

/**
 * Refuses a write made from an outdated copy when it would overwrite a change made elsewhere.
 * A field conflicts when its value now differs from the one the editor started from (`base`),
 * or, without a base and with an outdated version, from the value being written. A write from
 * an outdated copy that touches only fields nobody else changed goes through: both changes
 * are kept. Callers that send neither a version nor a base are not checked.
 */
export function assertFreshEdit(check: EditCheck): void {
  const { current, patch, expectedUpdatedAt, base } = check
  const updatedAt = (current as { updatedAt?: unknown }).updatedAt
  const version = typeof updatedAt === 'string' ? updatedAt : undefined
  if (expectedUpdatedAt === undefined && base === undefined) return
  const stale = expectedUpdatedAt !== undefined && expectedUpdatedAt !== version
  if (expectedUpdatedAt !== undefined && !stale) return
  const fields = patchPaths(patch, check.mergedPaths).filter((path) => {
    const now = valueAt(current, path)
    if (base && Object.prototype.hasOwnProperty.call(base, path)) {
      return !sameValue(base[path], now)
    }
    return stale && !sameValue(valueAt(patch, path), now)
  })
  if (fields.length === 0) return
  const details: EditConflict = {
    kind: check.kind,
    ...(check.id ? { id: check.id } : {}),
    ...(version ? { updatedAt: version } : {}),
    fields,
    current: Object.fromEntries(fields.map((path) => [path, valueAt(current, path) ?? null])),
  }
  throw new RapportError(
    'CONFLICT',
    `The ${check.kind} changed elsewhere since it was opened: ${fields.join(', ')}`,
    details,
  )
}
