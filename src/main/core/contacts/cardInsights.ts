import { RapportError } from '../../../shared/errors'
import {
  ecosystemSchema,
  type CareKind,
  type Contact,
  type Ecosystem,
  type StoreData,
  type Tier,
} from '../../../shared/model'
import type { ConversationAnswers } from '../../../shared/contacts/cardView'
import type { GeneratedTitle } from '../../../shared/followUps/followUp'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Keep-in-touch cadence per tier, in days. Close friends weekly and good friends monthly are the
 * method's own words. Life friends are "contact whenever, reason or not": no duty, because such
 * friends are in touch anyway; two weeks only catches real drift without nagging about people
 * who need no schedule. Outside the circle nobody is chased.
 */
export const DEFAULT_CADENCE_DAYS: Record<Tier, number | null> = {
  life: 14,
  close: 7,
  good: 30,
  outside: null,
}

/** The golden circle: about 5 life friends, 50 close friends and 100 good friends. */
export const CIRCLE_TARGETS = { life: 5, close: 50, good: 100 } as const satisfies Record<
  Exclude<Tier, 'outside'>,
  number
>
export type CircleTier = keyof typeof CIRCLE_TARGETS
const CIRCLE_TIERS = Object.keys(CIRCLE_TARGETS) as CircleTier[]

/** Given to asked: the method suggests giving about three times for every two asks. */
export const GIVE_ASK_TARGET = 3 / 2

/** The contact's own cadence if set, else its tier's; null means "no cadence". */
export function cadenceOf(contact: Pick<Contact, 'tier' | 'cadenceDays'>): number | null {
  return contact.cadenceDays ?? DEFAULT_CADENCE_DAYS[contact.tier]
}

export const inCircle = (contact: Pick<Contact, 'tier' | 'archived'>): boolean =>
  contact.tier !== 'outside' && !contact.archived

function findContact(data: Readonly<StoreData>, id: string): Contact {
  const contact = data.contacts.find((c) => c.id === id)
  if (!contact)
    throw new RapportError('NOT_FOUND', `No contact with id ${id}`, { kind: 'contact', id })
  return contact
}

const time = (iso: string): number => Date.parse(iso)

// ---------------------------------------------------------------------------------------------
// Completeness

export type CardEssential =
  | 'photo'
  | 'organization'
  | 'role'
  | 'whatTheyDo'
  | 'challenges'
  | 'canOffer'
  | 'seed'
  | 'reach'
  | 'firstMet'
  | 'tier'

const filled = (text: string | undefined) => !!text && text.trim() !== ''

/**
 * How much of the background card's essentials is filled in: what they do, their challenges,
 * what I can offer, the seed, a way to reach them, where we met, a photo, organisation and role,
 * and a place in (or outside) the circle. Each counts the same.
 */
export function completeness(contact: Contact): { score: number; missing: CardEssential[] } {
  const present: Record<CardEssential, boolean> = {
    photo: filled(contact.photo),
    organization: filled(contact.organization),
    role: filled(contact.role),
    whatTheyDo: filled(contact.whatTheyDo),
    challenges: filled(contact.challenges),
    canOffer: filled(contact.canOffer),
    seed: filled(contact.seed),
    reach:
      contact.emails.length > 0 ||
      contact.phones.length > 0 ||
      contact.links.length > 0 ||
      filled(contact.bestWayToReach),
    firstMet:
      !!contact.firstMet &&
      (filled(contact.firstMet.date) ||
        filled(contact.firstMet.place) ||
        filled(contact.firstMet.how)),
    // "Outside" is also the default, so it only counts as a choice once the person is rated.
    tier: contact.tier !== 'outside' || !!contact.influence || !!contact.closeness,
  }
  const keys = Object.keys(present) as CardEssential[]
  const missing = keys.filter((key) => !present[key])
  return { score: (keys.length - missing.length) / keys.length, missing }
}

// ---------------------------------------------------------------------------------------------
// Activity: everything that counts as being in touch

interface Activity {
  /** Times of encounters, done follow-ups and help, in no particular order. */
  times: number[]
  /** The latest of them, as stored. */
  last: string | null
  lastTime: number
  deep: number
}

/**
 * One pass over the history for every contact, so that the review and the overdue list stay
 * linear at 30,000 contacts and 100,000 encounters.
 */
function activityByContact(data: Readonly<StoreData>): Map<string, Activity> {
  const byContact = new Map<string, Activity>()
  const add = (contactId: string, at: string, deep: boolean) => {
    const t = time(at)
    if (Number.isNaN(t)) return
    let activity = byContact.get(contactId)
    if (!activity) {
      byContact.set(contactId, (activity = { times: [], last: null, lastTime: -Infinity, deep: 0 }))
    }
    activity.times.push(t)
    if (t > activity.lastTime) {
      activity.lastTime = t
      activity.last = at
    }
    if (deep) activity.deep++
  }
  for (const e of data.encounters) add(e.contactId, e.at, e.deep)
  for (const f of data.followUps) if (f.doneAt) add(f.contactId, f.doneAt, false)
  for (const h of data.helps) add(h.contactId, h.at, true)
  return byContact
}

function activityOf(data: Readonly<StoreData>, contactId: string): Activity | undefined {
  const only: Readonly<StoreData> = {
    ...data,
    encounters: data.encounters.filter((e) => e.contactId === contactId),
    followUps: data.followUps.filter((f) => f.contactId === contactId),
    helps: data.helps.filter((h) => h.contactId === contactId),
  }
  return activityByContact(only).get(contactId)
}

/** The latest encounter, done follow-up or help with the contact; null if there was none. */
export function lastContactAt(data: Readonly<StoreData>, contactId: string): string | null {
  return activityOf(data, contactId)?.last ?? null
}

// ---------------------------------------------------------------------------------------------
// Trust

export type TrustLevel = 'new' | 'growing' | 'solid' | 'deep'

export interface Trust {
  /** Days since we first met: the first-meeting date, else the first conversation, else when
   * the card was made; null if that lies ahead. */
  lengthDays: number | null
  /** Encounters, done follow-ups and help, all time. */
  interactions: number
  /** Interactions a month over the last 12 months (over the time known if shorter, but at least
   * three months). */
  perMonth: number
  /** Encounters marked deep, plus help given or asked. */
  deep: number
  level: TrustLevel
}

/** The three thresholds of trust; each one met lifts the level by one step. */
export const TRUST_THRESHOLDS = { lengthDays: 365, perMonth: 1, deep: 3 } as const
const LEVELS: readonly TrustLevel[] = ['new', 'growing', 'solid', 'deep']
const MONTH_DAYS = 365 / 12

/**
 * Trust grows with length, frequency and depth. The level counts how many of the three reach
 * their threshold: known a year or more, at least one interaction a month, at least three real
 * exchanges. None is "new", all three is "deep".
 */
export function trust(data: Readonly<StoreData>, contactId: string, now: Date): Trust {
  const contact = findContact(data, contactId)
  const activity = activityOf(data, contactId)
  const nowTime = now.getTime()

  const metTimes = data.encounters.filter((e) => e.contactId === contactId).map((e) => time(e.at))
  if (contact.firstMet?.date) metTimes.push(time(contact.firstMet.date))
  const known = metTimes.filter((t) => !Number.isNaN(t))
  const start = known.length > 0 ? Math.min(...known) : time(contact.createdAt)
  const lengthDays = start > nowTime ? null : Math.floor((nowTime - start) / DAY_MS)

  const times = activity?.times ?? []
  const yearAgo = nowTime - 365 * DAY_MS
  const lastYear = times.filter((t) => t > yearAgo && t <= nowTime).length
  // Someone met recently is judged on the time known, not on a year they were not known in, but
  // on at least a quarter: one coffee last week is not yet a monthly habit.
  const months = Math.min(12, Math.max(3, (lengthDays ?? 0) / MONTH_DAYS))
  const perMonth = lastYear / months
  const deep = activity?.deep ?? 0

  const reached =
    Number((lengthDays ?? 0) >= TRUST_THRESHOLDS.lengthDays) +
    Number(perMonth >= TRUST_THRESHOLDS.perMonth) +
    Number(deep >= TRUST_THRESHOLDS.deep)
  return { lengthDays, interactions: times.length, perMonth, deep, level: LEVELS[reached]! }
}

// ---------------------------------------------------------------------------------------------
// Cadence and the circle

export interface OverdueContact {
  contactId: string
  /** When the next contact fell due: the last contact (or the card's creation) plus the cadence. */
  dueSince: string
  cadenceDays: number
}

/**
 * People past their keep-in-touch cadence, longest overdue first. Archived people have left the
 * circle and are never chased. Someone outside the circle with a cadence of their own set is
 * included: setting one is asking to be reminded.
 */
export function overdueContacts(data: Readonly<StoreData>, now: Date): OverdueContact[] {
  return overdueWith(data, activityByContact(data), now.getTime())
}

function overdueWith(
  data: Readonly<StoreData>,
  activity: Map<string, Activity>,
  nowTime: number,
): OverdueContact[] {
  const overdue: (OverdueContact & { due: number })[] = []
  for (const contact of data.contacts) {
    const cadenceDays = cadenceOf(contact)
    if (contact.archived || cadenceDays === null) continue
    const due = sinceLastContact(contact, activity) + cadenceDays * DAY_MS
    if (due < nowTime) {
      overdue.push({
        contactId: contact.id,
        dueSince: new Date(due).toISOString(),
        cadenceDays,
        due,
      })
    }
  }
  return overdue
    .sort((a, b) => a.due - b.due)
    .map(({ contactId, dueSince, cadenceDays }) => ({ contactId, dueSince, cadenceDays }))
}

/** The last contact's time, or the card's creation for someone never contacted. */
function sinceLastContact(contact: Contact, activity: Map<string, Activity>): number {
  return activity.get(contact.id)?.lastTime ?? time(contact.createdAt)
}

/** How many active (not archived) contacts each tier holds. */
export function circleCounts(contacts: readonly Contact[]): Record<Tier, number> {
  const counts: Record<Tier, number> = { life: 0, close: 0, good: 0, outside: 0 }
  for (const contact of contacts) if (!contact.archived) counts[contact.tier]++
  return counts
}

// ---------------------------------------------------------------------------------------------
// Give before you ask

export interface GiveAskBalance {
  given: number
  asked: number
  /** given / asked; null before anything was asked. Compare with GIVE_ASK_TARGET. */
  ratio: number | null
}

/** The help ledger's balance, for one contact or for the whole network. */
export function giveAskBalance(data: Readonly<StoreData>, contactId?: string): GiveAskBalance {
  let given = 0
  let asked = 0
  for (const help of data.helps) {
    if (contactId !== undefined && help.contactId !== contactId) continue
    if (help.direction === 'given') given++
    else asked++
  }
  return { given, asked, ratio: asked === 0 ? null : given / asked }
}

// ---------------------------------------------------------------------------------------------
// Timeline

/** How the contact took part in an event. */
export type EventRole = 'target' | 'metAt' | 'accessHelper'

export type TimelineItem =
  | {
      kind: 'encounter'
      at: string
      id: string
      eventId?: string
      deep: boolean
      seed: string
      answers: ConversationAnswers
      /** The conversation's notes (a meeting imported from a calendar: its title and place). */
      notes?: string
    }
  | {
      kind: 'followUp'
      /** When it was done, else when it is due. */
      at: string
      id: string
      title: string
      titleKind?: GeneratedTitle
      dueAt: string
      doneAt?: string
      careKind?: CareKind
      promise: boolean
    }
  | { kind: 'event'; at: string; id: string; name: string; roles: EventRole[] }
  | { kind: 'gathering'; at: string; id: string; title: string; communityId?: string }
  | {
      kind: 'help'
      at: string
      id: string
      direction: 'given' | 'asked'
      what: string
      careKind?: CareKind
    }
  | { kind: 'created'; at: string; id: string }

const KIND_ORDER: readonly TimelineItem['kind'][] = [
  'created',
  'event',
  'gathering',
  'encounter',
  'help',
  'followUp',
]

/**
 * Everything that happened with the contact, newest first: conversations, follow-ups, events
 * they were a target at or met at (or helped me into), gatherings they came to, help, and the
 * card's creation. Items carry data only; the UI words them.
 */
export function timeline(data: Readonly<StoreData>, contactId: string): TimelineItem[] {
  const contact = findContact(data, contactId)
  const items: TimelineItem[] = [{ kind: 'created', at: contact.createdAt, id: contact.id }]
  const metAt = new Set<string>()
  for (const e of data.encounters) {
    if (e.contactId !== contactId) continue
    if (e.eventId) metAt.add(e.eventId)
    items.push({
      kind: 'encounter',
      at: e.at,
      id: e.id,
      ...(e.eventId ? { eventId: e.eventId } : {}),
      deep: e.deep,
      seed: e.seed,
      ...(e.notes.trim() ? { notes: e.notes } : {}),
      answers: {
        howCanIHelp: e.howCanIHelp,
        theirAdvice: e.theirAdvice,
        whomShouldTheyMeet: e.whomShouldTheyMeet,
        whomShouldIMeet: e.whomShouldIMeet,
        seed: e.seed,
      },
    })
  }
  for (const f of data.followUps) {
    if (f.contactId !== contactId) continue
    items.push({
      kind: 'followUp',
      at: f.doneAt ?? f.dueAt,
      id: f.id,
      title: f.title,
      ...(f.titleKind ? { titleKind: f.titleKind } : {}),
      dueAt: f.dueAt,
      ...(f.doneAt ? { doneAt: f.doneAt } : {}),
      ...(f.careKind ? { careKind: f.careKind } : {}),
      promise: f.promise,
    })
  }
  for (const event of data.events) {
    const roles: EventRole[] = []
    if (event.targets.some((t) => t.contactId === contactId)) roles.push('target')
    if (metAt.has(event.id)) roles.push('metAt')
    if (event.access?.helperIds.includes(contactId)) roles.push('accessHelper')
    if (roles.length > 0) {
      items.push({ kind: 'event', at: event.startsAt, id: event.id, name: event.name, roles })
    }
  }
  for (const g of data.gatherings) {
    if (!g.attendees.some((a) => a.contactId === contactId)) continue
    items.push({
      kind: 'gathering',
      at: g.startsAt,
      id: g.id,
      title: g.title,
      ...(g.communityId ? { communityId: g.communityId } : {}),
    })
  }
  for (const h of data.helps) {
    if (h.contactId !== contactId) continue
    items.push({
      kind: 'help',
      at: h.at,
      id: h.id,
      direction: h.direction,
      what: h.what,
      ...(h.careKind ? { careKind: h.careKind } : {}),
    })
  }
  // Same moment: the later step of a story (a follow-up after its conversation) comes first.
  return items.sort(
    (a, b) =>
      time(b.at) - time(a.at) ||
      KIND_ORDER.indexOf(b.kind) - KIND_ORDER.indexOf(a.kind) ||
      a.id.localeCompare(b.id),
  )
}

// ---------------------------------------------------------------------------------------------
// The quarterly review

export interface CircleStatus {
  tier: CircleTier
  count: number
  target: number
  status: 'under' | 'ok' | 'over'
}

export interface EcosystemBalance {
  ecosystem: Ecosystem
  count: number
  thin: boolean
}

export interface QuarterlyReview {
  /** In-circle people past their cadence, longest overdue first. */
  slipping: OverdueContact[]
  circle: CircleStatus[]
  /** Of the in-circle people. */
  ecosystems: EcosystemBalance[]
  /** Outside the circle but worth bringing in, most active first. */
  moveIn: string[]
  /** In the circle but drifting away, longest silent first. */
  moveOut: string[]
}

/** The circle sizes are "about" 5/50/100: within 10% counts as on target. */
export const CIRCLE_TOLERANCE = 0.1
const QUARTER_DAYS = 91

/**
 * What the method's quarterly review asks: who is slipping past their cadence, which tiers are
 * over or under 5/50/100, which ecosystems are thin (under 3 people or under a tenth of the
 * circle), who outside the circle should come in (strong influence, close, or three or more
 * interactions this quarter) and who should go out (rated weak and distant, which the method
 * places outside, or silent for twice their cadence without being strong or close).
 */
export function quarterlyReview(data: Readonly<StoreData>, now: Date): QuarterlyReview {
  const nowTime = now.getTime()
  const activity = activityByContact(data)
  const byId = new Map(data.contacts.map((c) => [c.id, c]))
  const circle = data.contacts.filter(inCircle)

  const slipping = overdueWith(data, activity, nowTime).filter((o) =>
    inCircle(byId.get(o.contactId)!),
  )

  const counts = circleCounts(data.contacts)
  const circleStatus = CIRCLE_TIERS.map((tier): CircleStatus => {
    const target = CIRCLE_TARGETS[tier]
    const count = counts[tier]
    const status =
      count < target * (1 - CIRCLE_TOLERANCE)
        ? 'under'
        : count > target * (1 + CIRCLE_TOLERANCE)
          ? 'over'
          : 'ok'
    return { tier, count, target, status }
  })

  const ecosystems = ecosystemSchema.options.map((ecosystem): EcosystemBalance => {
    const count = circle.filter((c) => c.ecosystem === ecosystem).length
    return { ecosystem, count, thin: count < 3 || count < circle.length * 0.1 }
  })

  const quarterAgo = nowTime - QUARTER_DAYS * DAY_MS
  const recent = (id: string) =>
    (activity.get(id)?.times ?? []).filter((t) => t > quarterAgo && t <= nowTime).length
  const moveIn = data.contacts
    .filter((c) => !c.archived && c.tier === 'outside')
    .map((c) => ({ id: c.id, recent: recent(c.id), c }))
    .filter(({ c, recent }) => c.influence === 'strong' || c.closeness === 'close' || recent >= 3)
    .sort((a, b) => b.recent - a.recent)
    .map(({ id }) => id)

  const moveOut = circle
    .map((c) => ({ c, last: sinceLastContact(c, activity) }))
    .filter(({ c, last }) => {
      if (c.influence === 'weak' && c.closeness === 'distant') return true
      const cadence = cadenceOf(c)
      const valued = c.influence === 'strong' || c.closeness === 'close'
      return cadence !== null && !valued && nowTime - last > 2 * cadence * DAY_MS
    })
    .sort((a, b) => a.last - b.last)
    .map(({ c }) => c.id)

  return { slipping, circle: circleStatus, ecosystems, moveIn, moveOut }
}
