import type { SyncLogEntry, SyncRecordKind } from '../../../shared/sync/syncModel'
import type { SyncCounts } from '../../../shared/sync/syncOperations'
import { newId, type Clock } from '../clock'

type Direction = 'up' | 'down'
type Action = SyncLogEntry['action']

export function emptyCounts(): SyncCounts {
  return {
    created: 0,
    updated: 0,
    deleted: 0,
    archived: 0,
    completed: 0,
    rescheduled: 0,
    dropped: 0,
    captured: 0,
    conflicts: 0,
    skipped: 0,
  }
}

const counted: Partial<Record<Action, keyof SyncCounts>> = {
  created: 'created',
  updated: 'updated',
  deleted: 'deleted',
  archived: 'archived',
  completed: 'completed',
  rescheduled: 'rescheduled',
  dropped: 'dropped',
  captured: 'captured',
  conflict: 'conflicts',
  skipped: 'skipped',
}

/** What one run did, line by line, for the log and the report. */
export class SyncJournal {
  readonly runId = newId()
  readonly entries: SyncLogEntry[] = []
  readonly up = emptyCounts()
  readonly down = emptyCounts()

  constructor(private readonly clock: Clock) {}

  add(
    direction: Direction,
    action: Action,
    about: { kind?: SyncRecordKind; recordId?: string; label?: string; detail?: string },
  ): void {
    const at = this.clock.now().toISOString()
    const field = counted[action]
    if (field) this[direction][field] += 1
    this.entries.push({
      id: newId(),
      createdAt: at,
      updatedAt: at,
      runId: this.runId,
      at,
      direction,
      action,
      ...(about.kind ? { kind: about.kind } : {}),
      ...(about.recordId ? { recordId: about.recordId } : {}),
      label: (about.label ?? '').slice(0, 500),
      detail: (about.detail ?? '').slice(0, 2000),
    })
  }
}
