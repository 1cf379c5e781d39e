import { followUpTitle } from '../../../shared/followUps/followUpWords'
import { followUpSchema, type FollowUp, type Language } from '../../../shared/model'
import type { SyncSettings, SyncState } from '../../../shared/sync/syncModel'
import { nextTimestamp, type Clock } from '../clock'
import type { DataStore, StoreTransaction } from '../store/dataStore'
import {
  eventObject,
  followUpObject,
  followUpPhoneFields,
  followUpValues,
  hrefName,
  readCalendarObject,
  recordOfUid,
  type CalendarKind,
  type FollowUpPhoneValues,
} from './calendarMapping'
import { collectionCursorId, remoteChanges, saveCollectionCursor } from './collectionSync'
import { collectionMarkers } from './discovery'
import { deleteWithRetry, getItem, putItem } from './davClient'
import { mergeFields } from './merge'
import type { SyncJournal } from './syncJournal'
import type { DavTransport } from './transport'

/**
 * Follow-ups both ways (done, rescheduled or deleted on the phone comes back), and events and
 * gatherings from Rapport to the phone, in one calendar.
 */

const CALENDAR_TYPE = 'text/calendar; charset=utf-8'
const WRITTEN_AT = '@updatedAt'
const MAX_RETRIES = 3

export interface CalendarSyncDeps {
  store: DataStore
  clock: Clock
  dav: DavTransport
  language: Language
  settings: SyncSettings
  journal: SyncJournal
  progress: (done: number, total: number) => void
}

type Tx = StoreTransaction

export async function syncCalendar(deps: CalendarSyncDeps): Promise<void> {
  const { store, clock, dav, settings, journal } = deps
  const collectionUrl = settings.calendarUrl
  const cursorId = collectionCursorId(collectionUrl)
  const { supportsTodo } = await collectionMarkers(dav, collectionUrl)
  const statesOf = () =>
    store
      .read()
      .syncStates.filter(
        (s) =>
          (s.kind === 'followUp' || s.kind === 'event' || s.kind === 'gathering') &&
          s.collectionUrl === collectionUrl,
      )
  const byHref = new Map(statesOf().map((s) => [s.href, s]))
  const cursor = store.find('syncStates', cursorId)
  const remote = await remoteChanges(dav, collectionUrl, 'cal', cursor, byHref)
  const toPush = new Map<string, string>()

  const labelOf = (tx: Pick<StoreTransaction, 'find'>, f: FollowUp) => {
    const name = tx.find('contacts', f.contactId)?.name
    const title = followUpTitle(f, deps.language)
    return name ? `${title} · ${name}` : title
  }

  /** Takes the phone's change of one follow-up; answers whether the server must be rewritten. */
  const mergeFollowUp = (
    tx: Tx,
    followUp: FollowUp,
    state: SyncState | undefined,
    phone: FollowUpPhoneValues,
    href: string,
    etag: string,
  ): { push: boolean; record: FollowUp } => {
    const now = nextTimestamp(clock)
    const result = mergeFields(
      followUpPhoneFields,
      state?.base ?? {},
      followUpValues(followUp),
      phone,
    )
    let next = followUp
    if (result.fromPhone.includes('status')) {
      if (result.merged.status === 'completed' && followUp.status !== 'done') {
        next = { ...next, status: 'done', doneAt: now, channel: 'phone' }
        journal.add('down', 'completed', {
          kind: 'followUp',
          recordId: followUp.id,
          label: labelOf(tx, followUp),
        })
      } else if (result.merged.status === 'open' && followUp.status === 'done') {
        const { doneAt: _doneAt, ...open } = next
        next = { ...open, status: 'open', channel: '' }
        journal.add('down', 'updated', {
          kind: 'followUp',
          recordId: followUp.id,
          label: labelOf(tx, followUp),
          detail: 'status',
        })
      }
    }
    if (result.fromPhone.includes('due') && result.merged.due) {
      const { snoozedUntil: _snoozed, ...rest } = next
      next = {
        ...rest,
        dueAt: result.merged.due,
        status: next.status === 'snoozed' ? 'open' : next.status,
      }
      journal.add('down', 'rescheduled', {
        kind: 'followUp',
        recordId: followUp.id,
        label: labelOf(tx, followUp),
        detail: result.merged.due,
      })
    }
    if (next !== followUp) {
      next = followUpSchema.parse({ ...next, updatedAt: nextTimestamp(clock, followUp.updatedAt) })
      tx.put('followUps', next)
    }
    for (const conflict of result.conflicts) {
      const id = `followUp:${followUp.id}:${conflict.field}`
      tx.put('syncConflicts', {
        id,
        createdAt: now,
        updatedAt: now,
        kind: 'followUp',
        recordId: followUp.id,
        label: labelOf(tx, followUp),
        field: conflict.field,
        // Stored as JSON, like a contact's values.
        rapportValue: JSON.stringify(conflict.rapport),
        phoneValue: JSON.stringify(conflict.phone),
      })
      journal.add('down', 'conflict', {
        kind: 'followUp',
        recordId: followUp.id,
        label: labelOf(tx, followUp),
        detail: conflict.field,
      })
    }
    const pendingRapport = state && state.base[WRITTEN_AT] !== followUp.updatedAt
    tx.put('syncStates', {
      id: `followUp:${followUp.id}`,
      createdAt: state?.createdAt ?? now,
      updatedAt: now,
      kind: 'followUp',
      recordId: followUp.id,
      collectionUrl,
      href,
      etag,
      base: { ...result.merged, [WRITTEN_AT]: pendingRapport ? '' : next.updatedAt },
      syncToken: '',
      ctag: '',
    })
    return { push: result.pushToServer, record: next }
  }

  await store.update((tx) => {
    for (const item of remote.changed) {
      const state = byHref.get(item.href)
      const parsed = readCalendarObject(item.data)
      if ('error' in parsed) {
        if (state)
          journal.add('down', 'skipped', {
            kind: state.kind as CalendarKind,
            label: new URL(item.href).pathname,
            detail: parsed.error,
          })
        continue
      }
      const ref = state ? { kind: state.kind, id: state.recordId } : recordOfUid(parsed.uid)
      if (!ref) continue // the phone's own entries are not Rapport's business
      if (ref.kind !== 'followUp' || !parsed.followUp) {
        // Rapport owns events and gatherings: the phone's copy is only followed by its ETag.
        if (state) tx.put('syncStates', { ...state, etag: item.etag })
        continue
      }
      const followUp = tx.find('followUps', ref.id)
      if (!followUp) continue
      const { push } = mergeFollowUp(tx, followUp, state, parsed.followUp, item.href, item.etag)
      if (push) toPush.set(followUp.id, item.etag)
    }
    for (const href of remote.removed) {
      const state = byHref.get(href)
      if (!state) continue
      tx.remove('syncStates', state.id)
      if (state.kind !== 'followUp') continue
      const followUp = tx.find('followUps', state.recordId)
      if (!followUp || followUp.status === 'done' || followUp.status === 'dropped') continue
      // Deleted on the phone: dropped here; "undo" (reopen) brings it back.
      tx.put('followUps', {
        ...followUp,
        status: 'dropped',
        updatedAt: nextTimestamp(clock, followUp.updatedAt),
      })
      journal.add('down', 'dropped', {
        kind: 'followUp',
        recordId: followUp.id,
        label: labelOf(tx, followUp),
      })
    }
  })

  // Up.
  const data = store.read()
  const states = new Map(statesOf().map((s) => [s.id, s]))
  type Work = {
    kind: CalendarKind
    id: string
    label: string
    etag: string | null
    state?: SyncState
  }
  const work: Work[] = []
  const removals: SyncState[] = []
  const consider = (
    kind: CalendarKind,
    id: string,
    updatedAt: string,
    label: string,
    wanted: boolean,
  ) => {
    const state = states.get(`${kind}:${id}`)
    if (!wanted) {
      if (state) removals.push(state)
      return
    }
    if (kind === 'followUp' && toPush.has(id))
      work.push({ kind, id, label, etag: toPush.get(id)!, state })
    else if (!state) work.push({ kind, id, label, etag: null })
    else if (state.base[WRITTEN_AT] !== updatedAt)
      work.push({ kind, id, label, etag: state.etag, state })
  }
  const names = new Map(data.contacts.map((c) => [c.id, c.name]))
  if (settings.followUps) {
    for (const f of data.followUps) {
      const finished = f.status === 'dropped' || (f.status === 'done' && !supportsTodo)
      const open = f.status === 'open' || f.status === 'snoozed'
      if (!open && !states.has(`followUp:${f.id}`)) continue
      const name = names.get(f.contactId)
      const title = followUpTitle(f, deps.language)
      consider('followUp', f.id, f.updatedAt, name ? `${title} · ${name}` : title, !finished)
    }
  }
  if (settings.events)
    for (const e of data.events) consider('event', e.id, e.updatedAt, e.name, true)
  if (settings.gatherings)
    for (const g of data.gatherings) consider('gathering', g.id, g.updatedAt, g.title, true)
  // Records deleted in Rapport leave the phone too.
  const exists = {
    followUp: new Set(data.followUps.map((f) => f.id)),
    event: new Set(data.events.map((e) => e.id)),
    gathering: new Set(data.gatherings.map((g) => g.id)),
  }
  for (const state of states.values()) {
    const kind = state.kind as CalendarKind
    if (!exists[kind].has(state.recordId)) removals.push(state)
  }

  const objectFor = (kind: CalendarKind, id: string): string | null => {
    const current = store.read()
    const now = clock.now()
    if (kind === 'followUp') {
      const f = store.find('followUps', id)
      if (!f) return null
      const contact = store.find('contacts', f.contactId)
      return followUpObject(current, f, contact, {
        language: deps.language,
        now,
        asTodo: supportsTodo,
      })
    }
    return eventObject(current, kind, id, deps.language, now)
  }
  const updatedAtOf = (kind: CalendarKind, id: string): string => {
    const collection =
      kind === 'followUp' ? 'followUps' : kind === 'event' ? 'events' : 'gatherings'
    return store.find(collection, id)?.updatedAt ?? ''
  }

  const written = new Map<string, string>()
  const pending: SyncState[] = []
  const flush = async () => {
    const batch = pending.splice(0)
    if (batch.length > 0) await store.update((tx) => batch.forEach((s) => tx.put('syncStates', s)))
  }
  const total = work.length + removals.length
  let done = 0
  try {
    for (const job of work) {
      const saved = await push(job)
      if (saved) {
        pending.push(saved)
        written.set(saved.href, saved.etag)
      }
      deps.progress(++done, total)
      if (pending.length >= 50) await flush()
    }
  } finally {
    await flush()
  }
  for (const state of removals) {
    await deleteWithRetry(dav, state.href, state.etag, MAX_RETRIES)
    await store.update((tx) => tx.remove('syncStates', state.id))
    written.set(state.href, '')
    journal.add('up', 'deleted', { kind: state.kind as CalendarKind, recordId: state.recordId })
    deps.progress(++done, total)
  }

  const after = new Map(statesOf().map((s) => [s.href, s]))
  await saveCollectionCursor(
    { store, clock, dav },
    collectionUrl,
    cursor,
    remote.cursor,
    written,
    after,
  )

  async function push(job: Work): Promise<SyncState | null> {
    const href = job.state?.href || new URL(hrefName(job.kind, job.id), collectionUrl).href
    let match = job.etag
    let state = job.state
    for (let attempt = 0; attempt < MAX_RETRIES; attempt += 1) {
      const body = objectFor(job.kind, job.id)
      if (!body) return null
      const result = await putItem(dav, href, body, CALENDAR_TYPE, match)
      if (result.ok) {
        const now = nextTimestamp(clock)
        journal.add('up', job.state ? 'updated' : 'created', {
          kind: job.kind,
          recordId: job.id,
          label: job.label,
        })
        const record = store.find('followUps', job.id)
        return {
          id: `${job.kind}:${job.id}`,
          createdAt: job.state?.createdAt ?? now,
          updatedAt: now,
          kind: job.kind,
          recordId: job.id,
          collectionUrl,
          href,
          etag: result.etag,
          base: {
            ...(job.kind === 'followUp' && record ? followUpValues(record) : {}),
            [WRITTEN_AT]: updatedAtOf(job.kind, job.id),
          },
          syncToken: '',
          ctag: '',
        }
      }
      // Written on the phone in between: take its change, then write the merge.
      const fresh = await getItem(dav, href)
      match = fresh?.etag ?? null
      if (!fresh || job.kind !== 'followUp') continue
      const parsed = readCalendarObject(fresh.data)
      if ('error' in parsed || !parsed.followUp) continue
      const phone = parsed.followUp
      const currentState = state
      await store.update((tx) => {
        const f = tx.find('followUps', job.id)
        if (f) mergeFollowUp(tx, f, currentState, phone, href, fresh.etag)
      })
      state = store.find('syncStates', `followUp:${job.id}`)
    }
    journal.add('up', 'skipped', {
      kind: job.kind,
      recordId: job.id,
      label: job.label,
      detail: 'the server kept changing the entry; next sync tries again',
    })
    return null
  }
}
