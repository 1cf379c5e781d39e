import {
  contactSchema,
  encounterSchema,
  type Contact,
  type Language,
  type StoreData,
} from '../../../shared/model'
import type { SyncSettings, SyncState } from '../../../shared/sync/syncModel'
import { newId, nextTimestamp, type Clock } from '../clock'
import type { VCardPhoto } from '../importExport/vcardExport'
import { followUpsForEncounter } from '../followUps/followUpRules'
import type { DataStore } from '../store/dataStore'
import { collectionCursorId, remoteChanges, saveCollectionCursor } from './collectionSync'
import { deleteWithRetry, getItem, putItem } from './davClient'
import { mergeFields } from './merge'
import type { SyncJournal } from './syncJournal'
import type { DavTransport } from './transport'
import {
  cardForContact,
  lunarDays,
  phoneFields,
  phoneValuesOf,
  readCard,
  type LastMet,
  type PhoneValues,
} from './vcardMapping'

/**
 * Contacts both ways between Rapport and one address book. Rapport's own fields stay Rapport's;
 * the phone-editable ones are merged field by field against the last synced version.
 */

const VCARD_TYPE = 'text/vcard; charset=utf-8'
/** Kept in the state's base beside the fields: the contact's updatedAt as last written. */
const WRITTEN_AT = '@updatedAt'
/**
 * And the Gregorian days its lunar dates were written as: once one has passed, the card is
 * written again with the next, or the phone would keep ringing on last year's day.
 */
const LUNAR_DAYS = '@lunarDays'
/** Without an end, an event counts as on for this long after its start. */
const EVENT_DEFAULT_MS = 12 * 60 * 60 * 1000
const MAX_RETRIES = 3

export interface ContactSyncDeps {
  store: DataStore
  clock: Clock
  dav: DavTransport
  language: Language
  settings: SyncSettings
  thumbnail: (ref: string) => Promise<VCardPhoto | undefined>
  journal: SyncJournal
  progress: (done: number, total: number) => void
}

export function inScope(contact: Contact, settings: SyncSettings): boolean {
  if (contact.archived) return false
  if (settings.scope === 'golden') return contact.tier !== 'outside'
  if (settings.scope === 'tags') return contact.tags.some((tag) => settings.tags.includes(tag))
  return true
}

/** Where and when I last met each contact, for the phone's note; one pass over the encounters. */
function lastMetIndex(data: Readonly<StoreData>): Map<string, LastMet> {
  const events = new Map(data.events.map((e) => [e.id, e.name]))
  const latest = new Map<string, LastMet>()
  for (const encounter of data.encounters) {
    const known = latest.get(encounter.contactId)
    if (known && known.at >= encounter.at) continue
    const where = encounter.eventId ? (events.get(encounter.eventId) ?? '') : ''
    latest.set(encounter.contactId, { at: encounter.at, where })
  }
  return latest
}

function stateId(contactId: string): string {
  return `contact:${contactId}`
}

function hrefFor(collectionUrl: string, contactId: string): string {
  return new URL(`${encodeURIComponent(contactId)}.vcf`, collectionUrl).href
}

/** The event on at `at`, for a card made on the phone. */
function eventAt(data: Readonly<StoreData>, at: string) {
  const t = Date.parse(at)
  return data.events.find((event) => {
    const start = Date.parse(event.startsAt)
    const end = event.endsAt ? Date.parse(event.endsAt) : start + EVENT_DEFAULT_MS
    return start <= t && t <= end
  })
}

function withPhoneValues(
  contact: Contact,
  values: PhoneValues,
  fields: readonly string[],
): Contact {
  const patch: Record<string, unknown> = {}
  for (const field of fields) {
    const value = JSON.parse(values[field as keyof PhoneValues]) as unknown
    patch[field] =
      value === '' && ['givenName', 'familyName', 'nickname'].includes(field) ? undefined : value
  }
  return { ...contact, ...patch } as Contact
}

function lunarBase(contact: Contact, now: Date): Record<string, string> {
  const days = lunarDays(contact, now)
  return days ? { [LUNAR_DAYS]: days } : {}
}

export async function syncContacts(deps: ContactSyncDeps): Promise<void> {
  const { store, clock, dav, settings, journal } = deps
  const collectionUrl = settings.addressBookUrl
  const cursorId = collectionCursorId(collectionUrl)
  const statesOf = () =>
    store.read().syncStates.filter((s) => s.kind === 'contact' && s.collectionUrl === collectionUrl)
  const byHref = new Map(statesOf().map((s) => [s.href, s]))
  const cursor = store.find('syncStates', cursorId)
  const remote = await remoteChanges(dav, collectionUrl, 'card', cursor, byHref)

  /** Contacts whose server copy must be rewritten, with the ETag to match. */
  const toPush = new Map<string, string | null>()

  // Down: the phone's edits, new cards and deletions, in one transaction.
  await store.update((tx) => {
    const now = nextTimestamp(clock)
    const states = new Map(statesOf().map((s) => [s.recordId, s]))
    for (const item of remote.changed) {
      const card = readCard(item.data)
      const known = byHref.get(item.href)
      if ('error' in card) {
        journal.add('down', 'skipped', {
          kind: 'contact',
          label: new URL(item.href).pathname,
          detail: card.error,
        })
        continue
      }
      const recordId = known?.recordId ?? card.uid
      const contact = tx.find('contacts', recordId)
      if (!contact) {
        if (known) {
          // Deleted in Rapport, changed on the phone since: Rapport's deletion goes through below.
          continue
        }
        capture(tx, item, card, now)
        continue
      }
      const state = states.get(contact.id)
      const rapport = phoneValuesOf(contact)
      const base = state?.base ?? {}
      const result = mergeFields(phoneFields, base, rapport, card.values)
      let next = contact
      if (result.fromPhone.length > 0) {
        next = contactSchema.parse({
          ...withPhoneValues(contact, result.merged, result.fromPhone),
          updatedAt: nextTimestamp(clock, contact.updatedAt),
        })
        tx.put('contacts', next)
        journal.add('down', 'updated', {
          kind: 'contact',
          recordId: contact.id,
          label: next.name,
          detail: result.fromPhone.join(', '),
        })
      }
      for (const conflict of result.conflicts) {
        const id = `contact:${contact.id}:${conflict.field}`
        const existing = tx.find('syncConflicts', id)
        tx.put('syncConflicts', {
          id,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
          kind: 'contact',
          recordId: contact.id,
          label: contact.name,
          field: conflict.field,
          rapportValue: conflict.rapport,
          phoneValue: conflict.phone,
        })
        journal.add('down', 'conflict', {
          kind: 'contact',
          recordId: contact.id,
          label: contact.name,
          detail: conflict.field,
        })
      }
      const stillWritten = state?.base[WRITTEN_AT] === contact.updatedAt
      tx.put('syncStates', {
        id: stateId(contact.id),
        createdAt: state?.createdAt ?? now,
        updatedAt: now,
        kind: 'contact',
        recordId: contact.id,
        collectionUrl,
        href: item.href,
        etag: item.etag,
        base: {
          ...result.merged,
          [WRITTEN_AT]: stillWritten || !state ? next.updatedAt : '',
          // The phone's edit leaves the dates Rapport wrote as they were.
          ...(state?.base[LUNAR_DAYS] ? { [LUNAR_DAYS]: state.base[LUNAR_DAYS] } : {}),
        },
        syncToken: '',
        ctag: '',
      })
      if (result.pushToServer) toPush.set(contact.id, item.etag)
    }
    for (const href of remote.removed) {
      const state = byHref.get(href)
      if (!state) continue
      tx.remove('syncStates', state.id)
      const contact = tx.find('contacts', state.recordId)
      if (!contact || contact.archived) continue
      // Deleted on the phone: archived here, never deleted; un-archiving undoes it.
      tx.put('contacts', {
        ...contact,
        archived: true,
        updatedAt: nextTimestamp(clock, contact.updatedAt),
      })
      journal.add('down', 'archived', {
        kind: 'contact',
        recordId: contact.id,
        label: contact.name,
      })
    }
  })

  function capture(
    tx: Parameters<Parameters<DataStore['update']>[0]>[0],
    item: { href: string; etag: string },
    card: Exclude<ReturnType<typeof readCard>, { error: string }>,
    now: string,
  ) {
    const taken = tx.find('contacts', card.uid) !== undefined
    const id = card.uid.length <= 64 && !taken ? card.uid : newId()
    const madeAt = card.rev && Date.parse(card.rev) <= clock.now().getTime() ? card.rev : now
    const contact = contactSchema.parse({
      ...card.fields,
      id,
      createdAt: now,
      updatedAt: now,
    })
    tx.put('contacts', contact)
    tx.put('syncStates', {
      id: stateId(id),
      createdAt: now,
      updatedAt: now,
      kind: 'contact',
      recordId: id,
      collectionUrl,
      href: item.href,
      etag: item.etag,
      base: { ...phoneValuesOf(contact), [WRITTEN_AT]: now },
      syncToken: '',
      ctag: '',
    })
    const event = eventAt(tx.data, madeAt)
    if (!event) {
      journal.add('down', 'created', { kind: 'contact', recordId: id, label: contact.name })
      return
    }
    // Made on the phone while an event was on: a person met there, with the 24-hour follow-up.
    const encounter = encounterSchema.parse({
      id: newId(),
      createdAt: now,
      updatedAt: now,
      contactId: id,
      eventId: event.id,
      at: madeAt,
      notes: card.note,
      capturedOn: 'phone',
    })
    tx.put('encounters', encounter)
    for (const followUp of followUpsForEncounter(encounter, contact, now))
      tx.put('followUps', followUp)
    journal.add('down', 'captured', {
      kind: 'contact',
      recordId: id,
      label: contact.name,
      detail: event.name,
    })
  }

  // Up: every contact in scope that the server does not have as it is now.
  const data = store.read()
  const states = new Map(statesOf().map((s) => [s.recordId, s]))
  const work: { contact: Contact; etag: string | null; state: SyncState | undefined }[] = []
  const today = clock.now()
  for (const contact of data.contacts) {
    if (!inScope(contact, settings)) continue
    const state = states.get(contact.id)
    if (toPush.has(contact.id)) work.push({ contact, etag: toPush.get(contact.id) ?? null, state })
    else if (!state) work.push({ contact, etag: null, state })
    else if (
      state.base[WRITTEN_AT] !== contact.updatedAt ||
      (state.base[LUNAR_DAYS] ?? '') !== lunarDays(contact, today)
    )
      work.push({ contact, etag: state.etag, state })
  }
  const contactIds = new Set(data.contacts.map((c) => c.id))
  const removals = [...states.values()].filter((state) => {
    if (!contactIds.has(state.recordId)) return true
    const contact = store.find('contacts', state.recordId)
    return !!contact?.archived && settings.removeArchivedFromPhone
  })

  const lastMet = lastMetIndex(data)
  const written = new Map<string, string>()
  const pending: SyncState[] = []
  const flush = async () => {
    const batch = pending.splice(0)
    if (batch.length > 0) await store.update((tx) => batch.forEach((s) => tx.put('syncStates', s)))
  }
  const total = work.length + removals.length
  let done = 0
  try {
    for (const { contact, etag, state } of work) {
      const saved = await pushContact(contact, etag, state)
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
    await removeFromServer(state)
    written.set(state.href, '')
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

  async function cardOf(contact: Contact): Promise<string> {
    const thumbnail = contact.photo ? await deps.thumbnail(contact.photo) : undefined
    return cardForContact(contact, {
      now: clock.now(),
      language: deps.language,
      lastMet: lastMet.get(contact.id) ?? null,
      ...(thumbnail ? { thumbnail } : {}),
    })
  }

  /** PUT with If-Match (or If-None-Match for a new card); a 412 means refetch, merge, retry. */
  async function pushContact(
    contact: Contact,
    etag: string | null,
    state: SyncState | undefined,
  ): Promise<SyncState | null> {
    const href = state?.href || hrefFor(collectionUrl, contact.id)
    let current = contact
    let match = etag
    let base: Record<string, string> = state?.base ?? {}
    for (let attempt = 0; attempt < MAX_RETRIES; attempt += 1) {
      const result = await putItem(dav, href, await cardOf(current), VCARD_TYPE, match)
      if (result.ok) {
        const now = nextTimestamp(clock)
        journal.add('up', state ? 'updated' : 'created', {
          kind: 'contact',
          recordId: current.id,
          label: current.name,
        })
        return {
          id: stateId(current.id),
          createdAt: state?.createdAt ?? now,
          updatedAt: now,
          kind: 'contact',
          recordId: current.id,
          collectionUrl,
          href,
          etag: result.etag,
          base: {
            ...phoneValuesOf(current),
            [WRITTEN_AT]: current.updatedAt,
            ...lunarBase(current, clock.now()),
          },
          syncToken: '',
          ctag: '',
        }
      }
      // Someone wrote first: take their version into account and try again.
      const fresh = await getItem(dav, href)
      if (!fresh) {
        match = null
        continue
      }
      const card = readCard(fresh.data)
      match = fresh.etag
      if ('error' in card) continue
      const merged = await mergeInto(current, base, card.values)
      current = merged
      base = { ...card.values }
    }
    journal.add('up', 'skipped', {
      kind: 'contact',
      recordId: contact.id,
      label: contact.name,
      detail: 'the server kept changing the card; next sync tries again',
    })
    return null
  }

  async function mergeInto(
    contact: Contact,
    base: Record<string, string>,
    phone: PhoneValues,
  ): Promise<Contact> {
    const result = mergeFields(phoneFields, base, phoneValuesOf(contact), phone)
    if (result.fromPhone.length === 0 && result.conflicts.length === 0) return contact
    return store.update((tx) => {
      const now = nextTimestamp(clock)
      const latest = tx.find('contacts', contact.id) ?? contact
      let next = latest
      if (result.fromPhone.length > 0) {
        next = contactSchema.parse({
          ...withPhoneValues(latest, result.merged, result.fromPhone),
          updatedAt: nextTimestamp(clock, latest.updatedAt),
        })
        tx.put('contacts', next)
        journal.add('down', 'updated', {
          kind: 'contact',
          recordId: latest.id,
          label: next.name,
          detail: result.fromPhone.join(', '),
        })
      }
      for (const conflict of result.conflicts) {
        const id = `contact:${latest.id}:${conflict.field}`
        tx.put('syncConflicts', {
          id,
          createdAt: now,
          updatedAt: now,
          kind: 'contact',
          recordId: latest.id,
          label: latest.name,
          field: conflict.field,
          rapportValue: conflict.rapport,
          phoneValue: conflict.phone,
        })
        journal.add('down', 'conflict', {
          kind: 'contact',
          recordId: latest.id,
          label: latest.name,
          detail: conflict.field,
        })
      }
      return next
    })
  }

  async function removeFromServer(state: SyncState): Promise<void> {
    await deleteWithRetry(dav, state.href, state.etag, MAX_RETRIES)
    await store.update((tx) => tx.remove('syncStates', state.id))
    const contact = store.find('contacts', state.recordId)
    const lastName = state.base.name ? (JSON.parse(state.base.name) as string) : ''
    journal.add('up', 'deleted', {
      kind: 'contact',
      recordId: state.recordId,
      label: contact?.name ?? lastName,
    })
  }
}
