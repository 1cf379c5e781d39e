import { RapportError } from '../../../shared/errors'
import {
  contactFieldsShape,
  contactListFields,
  type CollectionName,
  type Contact,
  type RapportEvent,
  type StoreData,
} from '../../../shared/model'
import { nextTimestamp, type Clock } from '../clock'
import type { StoreTransaction } from '../store/dataStore'
import { normalizeEmail, normalizeLinkedIn, normalizePhone, samePhone } from './duplicates'

/**
 * Which card each field of the merged contact comes from: 'a' the contact kept, 'b' the one
 * merged into it, 'both' the union of two lists. Fields left out take `defaultChoice`.
 */
export type FieldChoice = Record<string /* contact field name */, 'a' | 'b' | 'both'>

type FieldName = keyof typeof contactFieldsShape

/** Every field of a contact's card, in the schema's order. */
export const CONTACT_FIELDS = Object.keys(contactFieldsShape) as FieldName[]

/** The fields that may be 'both': their values are unioned without duplicates. */
export const LIST_FIELDS = contactListFields satisfies readonly FieldName[]
type ListField = (typeof LIST_FIELDS)[number]

const isListField = (field: string): field is ListField =>
  (LIST_FIELDS as readonly string[]).includes(field)

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object') return Object.values(value).every(isEmpty)
  return false
}

/**
 * For each field, a value beats an empty one and the kept contact wins a tie; lists are joined.
 * Three fields have their own rule: the circle tier keeps the closer circle ("outside" counts as
 * unset), the merged card is archived only if both were, and the first meeting is the earlier.
 */
export function defaultChoice(a: Contact, b: Contact): FieldChoice {
  const choice: FieldChoice = {}
  for (const field of CONTACT_FIELDS) {
    if (isListField(field)) {
      choice[field] = 'both'
      continue
    }
    let pick: 'a' | 'b' = isEmpty(a[field]) && !isEmpty(b[field]) ? 'b' : 'a'
    if (field === 'tier') pick = a.tier === 'outside' && b.tier !== 'outside' ? 'b' : 'a'
    if (field === 'archived') pick = a.archived && !b.archived ? 'b' : 'a'
    if (field === 'firstMet' && a.firstMet?.date && b.firstMet?.date) {
      pick = b.firstMet.date < a.firstMet.date ? 'b' : 'a'
    }
    choice[field] = pick
  }
  return choice
}

const textKey = (text: string) => text.normalize('NFKC').trim().toLowerCase()

/** What makes two entries of a list "the same" when lists are joined. */
const sameEntry: { [F in ListField]: (x: Contact[F][number], y: Contact[F][number]) => boolean } = {
  emails: (x, y) => normalizeEmail(x.value) === normalizeEmail(y.value),
  // Short numbers (extensions) have no phone key; the same text is still the same entry.
  phones: (x, y) =>
    samePhone(normalizePhone(x.value), normalizePhone(y.value)) ||
    x.value.replace(/\D/g, '') === y.value.replace(/\D/g, ''),
  links: (x, y) => linkKey(x) === linkKey(y),
  tags: (x, y) => textKey(x) === textKey(y),
  interests: (x, y) => textKey(x) === textKey(y),
  importantDates: (x, y) => x.date === y.date && textKey(x.label) === textKey(y.label),
  mutualIds: (x, y) => x === y,
}

function linkKey(link: Contact['links'][number]): string {
  const profile = link.kind === 'linkedin' ? normalizeLinkedIn(link.value) : null
  return profile ? `linkedin ${profile}` : `${link.kind} ${link.value.trim().replace(/\/+$/, '')}`
}

/** Lists are short (at most a few hundred entries), so a pairwise check is fine here. */
function union<T>(first: readonly T[], second: readonly T[], same: (x: T, y: T) => boolean): T[] {
  const out: T[] = []
  for (const item of [...first, ...second]) if (!out.some((o) => same(o, item))) out.push(item)
  return out
}

function checkChoice(choice: FieldChoice): void {
  for (const [field, pick] of Object.entries(choice)) {
    const known = (CONTACT_FIELDS as string[]).includes(field)
    const valid = pick === 'a' || pick === 'b' || (pick === 'both' && isListField(field))
    if (!known || !valid) {
      throw new RapportError('VALIDATION', `Cannot take "${pick}" for field "${field}"`, {
        issues: [{ path: field, message: known ? 'only lists can be joined' : 'unknown field' }],
      })
    }
  }
}

/**
 * The merged card, as it would be stored under `a`'s id (timestamps aside): a preview for the
 * merge dialog. References between the two (b in a's mutual acquaintances, a introduced by b)
 * are dropped, since a person cannot be their own acquaintance.
 */
export function mergeFields(a: Contact, b: Contact, choice: FieldChoice = {}): Contact {
  checkChoice(choice)
  const picks = { ...defaultChoice(a, b), ...choice }
  const merged: Record<string, unknown> = { ...a }
  for (const field of CONTACT_FIELDS) {
    const pick = picks[field]
    if (pick === 'both' && isListField(field)) {
      const same = sameEntry[field] as (x: unknown, y: unknown) => boolean
      merged[field] = union(a[field] as unknown[], b[field] as unknown[], same)
    } else merged[field] = pick === 'b' ? b[field] : a[field]
  }
  const result = merged as Contact
  const mutualIds = [...new Set(result.mutualIds.map((id) => (id === b.id ? a.id : id)))].filter(
    (id) => id !== a.id,
  )
  const introducedById =
    result.introducedById === a.id || result.introducedById === b.id
      ? undefined
      : result.introducedById
  const out: Contact = {
    ...result,
    mutualIds,
    id: a.id,
    // Known since the earlier of the two cards.
    createdAt: a.createdAt <= b.createdAt ? a.createdAt : b.createdAt,
  }
  if (introducedById) out.introducedById = introducedById
  else delete out.introducedById
  // Demo data is removed wholesale; a card that holds the user's own data must survive that.
  if (a.demo && b.demo) out.demo = true
  else delete out.demo
  return out
}

export interface MergeOutcome {
  /** The merged contact as stored. */
  contact: Contact
  removedId: string
  /** How many records of each collection now point at the kept contact instead. */
  repointed: Partial<Record<CollectionName, number>>
  /** Edges that became a self-loop or a copy of an existing edge. */
  droppedRelationshipIds: string[]
}

const TARGET_STAGE_ORDER = [
  'paused',
  'researching',
  'ready',
  'approached',
  'met',
  'followedUp',
  'familiar',
] as const

/** Two notes on one thing: keep both, without repeating an identical one. */
function joinText(first: string, second: string): string {
  if (!second.trim() || first.trim() === second.trim()) return first
  if (!first.trim()) return second
  return `${first}\n\n${second}`
}

/**
 * Merges `removeId` into `keepId` within one transaction: puts the merged card, removes the
 * other, and re-points every record that referred to the removed contact, so that its whole
 * history (conversations, follow-ups, help, edges, event targets, memberships, seats, outcomes,
 * introductions, mentions) now belongs to the kept one. Only references that would turn into a
 * person pointing at themselves, or into an exact copy of one already there, are dropped.
 */
export function applyMerge(
  tx: StoreTransaction,
  keepId: string,
  removeId: string,
  choice: FieldChoice,
  clock: Clock,
): MergeOutcome {
  const data: Readonly<StoreData> = tx.data
  if (keepId === removeId) {
    throw new RapportError('VALIDATION', 'A contact cannot be merged into itself', {
      issues: [{ path: 'removeId', message: 'same as keepId' }],
    })
  }
  const keep = tx.find('contacts', keepId)
  const remove = tx.find('contacts', removeId)
  for (const [id, found] of [
    [keepId, keep],
    [removeId, remove],
  ] as const) {
    if (!found)
      throw new RapportError('NOT_FOUND', `No contact with id ${id}`, { kind: 'contact', id })
  }
  const latest = keep!.updatedAt > remove!.updatedAt ? keep!.updatedAt : remove!.updatedAt
  const contact: Contact = {
    ...mergeFields(keep!, remove!, choice),
    updatedAt: nextTimestamp(clock, latest),
  }
  tx.put('contacts', contact)
  tx.remove('contacts', removeId)

  const repointed: Partial<Record<CollectionName, number>> = {}
  const touched = <C extends CollectionName>(collection: C, record: StoreData[C][number]) => {
    repointed[collection] = (repointed[collection] ?? 0) + 1
    tx.put(collection, { ...record, updatedAt: nextTimestamp(clock, record.updatedAt) })
  }
  const swap = (id: string) => (id === removeId ? keepId : id)
  const swapAll = (ids: readonly string[]) => [...new Set(ids.map(swap))]

  for (const other of data.contacts) {
    if (other.id === keepId || other.id === removeId) continue
    const introduced = other.introducedById === removeId
    const mutual = other.mutualIds.includes(removeId)
    if (!introduced && !mutual) continue
    touched('contacts', {
      ...other,
      ...(introduced ? { introducedById: keepId } : {}),
      mutualIds: swapAll(other.mutualIds),
    })
  }

  for (const encounter of data.encounters) {
    const mentioned = encounter.mentions.some((m) => m.contactId === removeId)
    if (encounter.contactId !== removeId && !mentioned) continue
    touched('encounters', {
      ...encounter,
      contactId: swap(encounter.contactId),
      mentions: encounter.mentions.map((m) =>
        m.contactId === removeId ? { ...m, contactId: keepId } : m,
      ),
    })
  }
  for (const followUp of data.followUps) {
    if (followUp.contactId === removeId) touched('followUps', { ...followUp, contactId: keepId })
  }
  for (const help of data.helps) {
    if (help.contactId === removeId) touched('helps', { ...help, contactId: keepId })
  }

  // Edges: those that did not change claim their place first, so a copy is always a moved one.
  const droppedRelationshipIds: string[] = []
  const edgeKey = (from: string, to: string, kind: string) => `${from}\u0000${to}\u0000${kind}`
  const survivors = new Map<string, StoreData['relationships'][number]>()
  for (const r of data.relationships) {
    if (r.fromId !== removeId && r.toId !== removeId)
      survivors.set(edgeKey(r.fromId, r.toId, r.kind), r)
  }
  for (const r of data.relationships) {
    if (r.fromId !== removeId && r.toId !== removeId) continue
    const fromId = swap(r.fromId)
    const toId = swap(r.toId)
    const key = edgeKey(fromId, toId, r.kind)
    const existing = survivors.get(key)
    if (fromId === toId || existing) {
      droppedRelationshipIds.push(r.id)
      tx.remove('relationships', r.id)
      // The copy's note is all it could add; keep it on the surviving edge.
      if (existing && fromId !== toId && joinText(existing.note, r.note) !== existing.note) {
        const note = joinText(existing.note, r.note).slice(0, 200)
        const updated = { ...existing, note }
        survivors.set(key, updated)
        tx.put('relationships', { ...updated, updatedAt: nextTimestamp(clock, existing.updatedAt) })
      }
      continue
    }
    const moved = { ...r, fromId, toId }
    survivors.set(key, moved)
    touched('relationships', moved)
  }

  const mentionsRemoved = (ids: readonly string[]) => ids.includes(removeId)

  for (const event of data.events) {
    const involved =
      event.targets.some((t) => t.contactId === removeId) ||
      mentionsRemoved(event.access?.helperIds ?? []) ||
      mentionsRemoved(event.keyContactIds) ||
      mentionsRemoved(event.organiser.contactIds) ||
      event.people.some((p) => p.contactId === removeId)
    if (!involved) continue
    touched('events', {
      ...event,
      targets: mergeTargets(event.targets, keepId, removeId),
      keyContactIds: swapAll(event.keyContactIds),
      organiser: { ...event.organiser, contactIds: swapAll(event.organiser.contactIds) },
      people: event.people.map((p) => (p.contactId === removeId ? { ...p, contactId: keepId } : p)),
      ...(event.access
        ? { access: { ...event.access, helperIds: swapAll(event.access.helperIds) } }
        : {}),
    })
  }

  for (const community of data.communities) {
    const member = community.members.some((m) => m.contactId === removeId)
    const active = community.activities.some((a) => mentionsRemoved(a.participantIds))
    if (!member && !active) continue
    // One person keeps one membership: the kept contact's, if both were members.
    const keptMember = community.members.some((m) => m.contactId === keepId)
    touched('communities', {
      ...community,
      members: community.members
        .filter((m) => !(m.contactId === removeId && keptMember))
        .map((m) => (m.contactId === removeId ? { ...m, contactId: keepId } : m)),
      activities: community.activities.map((a) => ({
        ...a,
        participantIds: swapAll(a.participantIds),
      })),
    })
  }

  for (const gathering of data.gatherings) {
    const { attendees, seating, outcomes, constraints, bill } = gathering
    const pairs = [...outcomes.connectedPairs, ...outcomes.secondMeetings]
    const involved =
      attendees.some((a) => a.contactId === removeId) ||
      seating.some((s) => s.personId === removeId) ||
      pairs.some((p) => p.includes(removeId)) ||
      constraints.some((c) => c.a === removeId || c.b === removeId) ||
      bill.payerId === removeId ||
      mentionsRemoved(bill.settledIds) ||
      bill.items.some((item) => mentionsRemoved(item.owedBy))
    if (!involved) continue
    // One person keeps one seat and one place on the guest list: the kept contact's.
    const keepSeated = seating.some((s) => s.personId === keepId)
    const keepInvited = attendees.some((a) => a.contactId === keepId)
    touched('gatherings', {
      ...gathering,
      attendees: attendees
        .filter((a) => !(a.contactId === removeId && keepInvited))
        .map((a) => (a.contactId === removeId ? { ...a, contactId: keepId } : a)),
      seating: seating
        .filter((s) => !(s.personId === removeId && keepSeated))
        .map((s) => (s.personId === removeId ? { ...s, personId: keepId } : s)),
      constraints: constraints
        .map((c) => ({ ...c, a: swap(c.a), b: swap(c.b) }))
        .filter((c) => c.a !== c.b),
      bill: {
        ...bill,
        ...(bill.payerId ? { payerId: swap(bill.payerId) } : {}),
        settledIds: swapAll(bill.settledIds),
        items: bill.items.map((item) => ({ ...item, owedBy: swapAll(item.owedBy) })),
      },
      outcomes: {
        ...outcomes,
        connectedPairs: swapPairs(outcomes.connectedPairs, removeId, keepId),
        secondMeetings: swapPairs(outcomes.secondMeetings, removeId, keepId),
      },
    })
  }

  // "Not a duplicate" now speaks of the kept card; one that named only these two is moot.
  for (const dismissal of data.duplicateDismissals) {
    if (!dismissal.contactIds.includes(removeId)) continue
    const contactIds = swapAll(dismissal.contactIds)
    if (contactIds.length < 2) tx.remove('duplicateDismissals', dismissal.id)
    else touched('duplicateDismissals', { ...dismissal, contactIds })
  }

  return { contact, removedId: removeId, repointed, droppedRelationshipIds }
}

type Target = RapportEvent['targets'][number]

/** Re-points a target; when both people were targets, the two entries become one. */
function mergeTargets(targets: readonly Target[], keepId: string, removeId: string): Target[] {
  const kept = targets.find((t) => t.contactId === keepId)
  const moved = targets.find((t) => t.contactId === removeId)
  if (!moved) return [...targets]
  if (!kept) return targets.map((t) => (t === moved ? { ...t, contactId: keepId } : t))
  const stage = (t: Target) => TARGET_STAGE_ORDER.indexOf(t.stage)
  const further = stage(moved) > stage(kept) ? moved : kept
  const combined: Target = {
    ...kept,
    rank: Math.min(kept.rank, moved.rank),
    talkingPoints: joinText(kept.talkingPoints, moved.talkingPoints),
    stage: further.stage,
  }
  if (further.pausedReason) combined.pausedReason = further.pausedReason
  else delete combined.pausedReason
  return targets.filter((t) => t !== moved).map((t) => (t === kept ? combined : t))
}

type Pair = [string, string]

/**
 * Re-points the removed person's pairs, dropping those that now join a person to themselves or
 * repeat a pair already there (in either order). Other pairs stay as they were.
 */
function swapPairs(pairs: readonly Pair[], removeId: string, keepId: string): Pair[] {
  const keyOf = (pair: Pair) => [...pair].sort().join('\u0000')
  const moves = (pair: Pair) => pair.includes(removeId)
  const seen = new Set(pairs.filter((p) => !moves(p)).map(keyOf))
  const out: Pair[] = []
  for (const pair of pairs) {
    if (!moves(pair)) {
      out.push(pair)
      continue
    }
    const moved = pair.map((id) => (id === removeId ? keepId : id)) as Pair
    if (moved[0] === moved[1] || seen.has(keyOf(moved))) continue
    seen.add(keyOf(moved))
    out.push(moved)
  }
  return out
}
