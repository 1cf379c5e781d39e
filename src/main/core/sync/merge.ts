/**
 * Field-level three-way merge against the version both sides agreed on at the last sync. Values
 * are compared as JSON text. A field only one side changed takes that side's value; a field both
 * changed differently keeps Rapport's value and reports the phone's as a conflict, so neither is
 * dropped silently.
 */
export interface MergeResult<F extends string> {
  /** What both sides hold after the merge. */
  merged: Record<F, string>
  /** Fields the phone changed that Rapport takes. */
  fromPhone: F[]
  conflicts: { field: F; rapport: string; phone: string }[]
  /** The server's copy differs from the merge: it must be written. */
  pushToServer: boolean
}

export function mergeFields<F extends string>(
  fields: readonly F[],
  base: Partial<Record<F, string>>,
  rapport: Record<F, string>,
  phone: Record<F, string>,
): MergeResult<F> {
  const merged = {} as Record<F, string>
  const fromPhone: F[] = []
  const conflicts: MergeResult<F>['conflicts'] = []
  let pushToServer = false
  for (const field of fields) {
    const was = base[field]
    const mine = rapport[field]
    const theirs = phone[field]
    if (mine === theirs) {
      merged[field] = mine
    } else if (was !== undefined && theirs === was) {
      merged[field] = mine
      pushToServer = true
    } else if (was !== undefined && mine === was) {
      merged[field] = theirs
      fromPhone.push(field)
    } else {
      // Both changed (or no common base): Rapport keeps its value; the phone's waits for the user.
      merged[field] = mine
      conflicts.push({ field, rapport: mine, phone: theirs })
      pushToServer = true
    }
  }
  return { merged, fromPhone, conflicts, pushToServer }
}
