import type { CountryCode } from 'libphonenumber-js'
import { displayPhone } from './identity/phone'
import type { CardView, ContactListItem, TimelineEntry } from '../../../shared/contacts/cardView'
import type {
  ContactSearchResult,
  DuplicateGroup,
  ParsedInputOf,
  ReviewView,
} from '../../../shared/contract'
import type { Contact, StoreData } from '../../../shared/model'
import type { Clock } from '../clock'
import {
  cadenceOf,
  completeness,
  giveAskBalance,
  lastContactAt,
  overdueContacts,
  quarterlyReview,
  timeline,
  trust,
  type TimelineItem,
} from './cardInsights'
import { facetCounts, prepareContactSearch, searchContacts } from './contactSearch'
import { dismissedPairs, findDuplicateGroups } from './duplicates'
import type { DataStore } from '../store/dataStore'
import { notFound } from './contactService'

/** Caches one value per store revision: recomputed only after the data changed. */
function perRevision<T>(store: DataStore, compute: (data: Readonly<StoreData>) => T): () => T {
  let cached: { revision: number; value: T } | null = null
  return () => {
    const revision = store.revision()
    if (cached?.revision !== revision) cached = { revision, value: compute(store.read()) }
    return cached.value
  }
}

const completenessCache = new WeakMap<Contact, number>()
function completenessScore(contact: Contact): number {
  let score = completenessCache.get(contact)
  if (score === undefined) {
    score = completeness(contact).score
    completenessCache.set(contact, score)
  }
  return score
}

function reachOf(contact: Contact, region: CountryCode | undefined): string {
  const phone = contact.phones[0]?.value
  return (
    contact.emails[0]?.value ??
    (phone === undefined ? undefined : displayPhone(phone, region)) ??
    contact.links[0]?.value ??
    contact.bestWayToReach
  )
}

function timelineEntry(item: TimelineItem, data: Readonly<StoreData>): TimelineEntry {
  switch (item.kind) {
    case 'encounter': {
      const event = item.eventId ? data.events.find((e) => e.id === item.eventId) : undefined
      return {
        kind: item.kind,
        at: item.at,
        id: item.id,
        title: event?.name ?? '',
        ...(item.notes ? { detail: item.notes } : {}),
        answers: item.answers,
      }
    }
    case 'followUp':
      return {
        kind: item.kind,
        at: item.at,
        id: item.id,
        title: item.title,
        ...(item.titleKind ? { titleKind: item.titleKind } : {}),
      }
    case 'event':
      return { kind: item.kind, at: item.at, id: item.id, title: item.name }
    case 'gathering':
      return { kind: item.kind, at: item.at, id: item.id, title: item.title }
    case 'help':
      return { kind: item.kind, at: item.at, id: item.id, title: item.what }
    case 'created':
      return { kind: item.kind, at: item.at, id: item.id, title: '' }
  }
}

/** Read-only views of contacts: the searchable list, the card, the review, duplicates. */
export function createContactViewService(
  store: DataStore,
  clock: Clock,
  phoneRegion: () => CountryCode | undefined = () => undefined,
) {
  const overdueIds = perRevision(
    store,
    (data) => new Set(overdueContacts(data, clock.now()).map((o) => o.contactId)),
  )
  const duplicateGroups = perRevision(store, (data) =>
    // The region lives in the settings, so a change of it is a new revision too.
    findDuplicateGroups(data.contacts, {
      region: phoneRegion(),
      dismissed: dismissedPairs(data.duplicateDismissals),
    }),
  )
  // Facets count every contact: once per change, not once per keystroke.
  const facetsActive = perRevision(store, (data) => facetCounts(data.contacts))
  const facetsAll = perRevision(store, (data) =>
    facetCounts(data.contacts, { includeArchived: true }),
  )
  // Build the search keys in the background after start, so the first keystroke does not wait.
  void prepareContactSearch(store.read().contacts).catch(() => undefined)

  const listItem = (
    contact: Contact,
    overdue: Set<string>,
    region: CountryCode | undefined,
  ): ContactListItem => ({
    id: contact.id,
    name: contact.name,
    organization: contact.organization,
    role: contact.role,
    tier: contact.tier,
    tags: contact.tags,
    reach: reachOf(contact, region),
    ...(contact.photo ? { photo: contact.photo } : {}),
    archived: contact.archived,
    completeness: completenessScore(contact),
    overdue: overdue.has(contact.id),
    ...(contact.demo ? { demo: true } : {}),
  })

  /** Contacts an event, a community or the overdue filter narrows the search to. */
  function preFilter(query: ParsedInputOf<'contacts.matchingIds'>): Set<string> | undefined {
    const data = store.read()
    let ids: Set<string> | undefined
    const narrow = (next: Iterable<string>) => {
      const set = new Set(next)
      ids = ids ? new Set([...ids].filter((id) => set.has(id))) : set
    }
    if (query.eventId) {
      const event = store.find('events', query.eventId)
      narrow([
        ...(event?.targets.map((t) => t.contactId) ?? []),
        ...data.encounters.filter((e) => e.eventId === query.eventId).map((e) => e.contactId),
      ])
    }
    if (query.communityId) {
      narrow(store.find('communities', query.communityId)?.members.map((m) => m.contactId) ?? [])
    }
    if (query.overdue) narrow(overdueIds())
    return ids
  }

  return {
    search(query: ParsedInputOf<'contacts.search'>): ContactSearchResult {
      const contacts = store.read().contacts
      const ids = preFilter(query)
      const result = searchContacts(contacts, {
        ...query,
        ...(ids ? { ids } : {}),
        limit: query.limit ?? 200,
      })
      const facets = query.includeArchived ? facetsAll() : facetsActive()
      const overdue = overdueIds()
      const region = phoneRegion()
      return {
        total: result.total,
        items: result.items.map((c) => listItem(c, overdue, region)),
        facets: { tags: facets.tags, tiers: facets.tiers },
      }
    },

    matchingIds(query: ParsedInputOf<'contacts.matchingIds'>): string[] {
      const ids = preFilter(query)
      return searchContacts(store.read().contacts, { ...query, ...(ids ? { ids } : {}) }).items.map(
        (c) => c.id,
      )
    },

    card({ id }: ParsedInputOf<'contacts.card'>): CardView {
      const data = store.read()
      const contact = store.find('contacts', id)
      if (!contact) throw notFound('contact', id)
      const now = clock.now()
      const byId = new Map(data.contacts.map((c) => [c.id, c.name]))
      const relationships = data.relationships
        .filter((r) => r.fromId === id || r.toId === id)
        .map((r) => {
          const out = r.fromId === id
          const otherId = out ? r.toId : r.fromId
          return {
            id: r.id,
            kind: r.kind,
            direction: out ? ('out' as const) : ('in' as const),
            otherId,
            otherName: byId.get(otherId) ?? '',
            note: r.note,
          }
        })
      const referenced = [
        ...(contact.introducedById ? [contact.introducedById] : []),
        ...contact.mutualIds,
        ...relationships.map((r) => r.otherId),
      ]
      const { missing, score } = completeness(contact)
      return {
        contact,
        completeness: { score, missing },
        trust: trust(data, id, now),
        cadenceDays: cadenceOf(contact),
        lastContactAt: lastContactAt(data, id),
        overdue: overdueIds().has(id),
        timeline: timeline(data, id).map((item) => timelineEntry(item, data)),
        relationships,
        helps: data.helps
          .filter((h) => h.contactId === id)
          .sort((a, b) => b.at.localeCompare(a.at)),
        giveAsk: giveAskBalance(data, id),
        names: Object.fromEntries(referenced.map((other) => [other, byId.get(other) ?? ''])),
      }
    },

    duplicates(): DuplicateGroup[] {
      const data = store.read()
      const byId = new Map(data.contacts.map((c) => [c.id, c]))
      return duplicateGroups()
        .map((group) => ({
          reasons: group.reasons,
          contacts: group.ids.map((id) => byId.get(id)).filter((c): c is Contact => Boolean(c)),
        }))
        .filter((group) => group.contacts.length > 1)
    },

    review(): ReviewView {
      const data = store.read()
      const review = quarterlyReview(data, clock.now())
      const byId = new Map(data.contacts.map((c) => [c.id, c]))
      const person = (contactId: string) => {
        const c = byId.get(contactId)
        return { contactId, name: c?.name ?? '', tier: c?.tier ?? 'outside' }
      }
      return {
        slipping: review.slipping.map((s) => ({
          ...person(s.contactId),
          dueSince: s.dueSince,
          cadenceDays: s.cadenceDays,
        })),
        circle: review.circle,
        ecosystems: review.ecosystems,
        moveIn: review.moveIn.map(person),
        moveOut: review.moveOut.map(person),
      }
    },
  }
}
