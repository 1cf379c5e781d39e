/**
 * A deterministic store for benchmarks: the same size and seed always give the same data, byte
 * for byte. Records are built complete (every defaulted field present, as the schemas would fill
 * them) with short, plausible texts and UUID-shaped ids like the ones the core generates, and
 * every reference points at a record that exists.
 */
import { emptyStoreData } from '../src/shared/model'
import type { Contact, Encounter, FollowUp, RapportEvent, StoreData } from '../src/shared/model'
import { seededRandom } from '../src/shared/seededRandom'

export interface StoreSize {
  contacts: number
  encounters: number
  followUps: number
  /** Defaults to one event per 50 contacts (at least one when there are encounters). */
  events?: number
}

const DAY = 24 * 60 * 60 * 1000
/** Every generated date is relative to this instant, never to the clock. */
const BASE_TIME = Date.parse('2025-01-06T09:00:00.000Z')

/** Splits a list written as text: on `|` when there is one, otherwise on whitespace. */
const list = (text: string): string[] =>
  text.includes('|') ? text.split('|').map((item) => item.trim()) : text.trim().split(/\s+/)

const GIVEN = list(`
  Ada Ben Chen Dana Eli Fang Grace Hiro Ines Jun Kofi Lena
  Ming Nora Omar Priya Qiang Rosa Sam Tao Uma Victor Wei Yan
`)
const FAMILY = list(`
  Li Wang Zhang Liu Chen Yang Huang Zhao Smith Garcia Müller
  Rossi Silva Kim Tanaka Okafor Novak Haddad Ivanova Dubois
`)
const ORGS = list(`
  Blue Harbor Labs | Northwind | Kite Ventures | Civic Data Co | Lumen Health |
  Orchard Media | Pine & Co | Redwood Capital | City Council | Open Source Guild
`)
const ROLES = list(`
  Founder | CTO | Product lead | Engineer | Designer | Investor | Editor | Researcher |
  Policy advisor | Community manager
`)
const DOING = [
  'Builds tools for small clinics.',
  'Runs a seed fund for climate startups.',
  'Writes about city planning.',
  'Leads a team shipping mobile apps.',
  'Organises a monthly AI meetup.',
  'Advises the district on open data.',
]
const SEEDS = [
  'Wants an intro to a payments expert.',
  'Looking for speakers for the spring event.',
  'Curious about our hiring process.',
  'Shares my interest in trail running.',
  'Needs feedback on a pitch deck.',
]
const INTERESTS = ['hiking', 'jazz', 'chess', 'cooking', 'startups', 'tea', 'photography', 'go']
const TAGS = ['conference', 'alumni', 'mentor', 'investor', 'press', 'neighbour', 'client']
const PLACES = ['Shanghai', 'Beijing', 'Shenzhen', 'Berlin', 'London', 'Singapore', 'Remote']
const TITLES = [
  'Send the article we discussed',
  'Introduce to a designer',
  'Congratulate on the launch',
  'Share the meetup slides',
  'Ask how the move went',
  'Book a coffee',
]
const EVENT_KINDS = ['Summit', 'Meetup', 'Forum', 'Conference', 'Demo Day', 'Workshop']
const ECOSYSTEMS = ['interests', 'work', 'media', 'finance', 'community', 'government'] as const
const TIERS = ['life', 'close', 'good', 'outside'] as const
const LEVELS = ['weak', 'medium', 'strong'] as const
const CLOSENESS = ['distant', 'medium', 'close'] as const
const CARE_KINDS = ['appreciate', 'share', 'company', 'recommend', 'support', 'protect'] as const
const EVENT_LEVELS = ['city', 'national', 'global'] as const

/** The benches' seeded generator is the app's own (mulberry32). */
export const mulberry32 = seededRandom

class Rng {
  private readonly next: () => number
  constructor(seed: number) {
    this.next = mulberry32(seed)
  }
  float(): number {
    return this.next()
  }
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive)
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!
  }
  /** Between 0 and `max` distinct items, in their original order (selection sampling). */
  some<T>(items: readonly T[], max: number): T[] {
    let wanted = this.int(max + 1)
    return items.filter((_, index) => {
      const take = this.chance(wanted / (items.length - index))
      if (take) wanted -= 1
      return take
    })
  }
  /** A version-4 shaped UUID from the stream, so ids look like the core's `randomUUID()`. */
  uuid(): string {
    let hex = ''
    for (let i = 0; i < 4; i += 1) hex += (this.next() * 0x100000000).toString(16).padStart(8, '0')
    return (
      `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-` +
      `${'89ab'[this.int(4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
    )
  }
  /** An instant `daysBack` (fractional) days before the base time, at whole minutes. */
  before(daysBack: number): number {
    return BASE_TIME - Math.floor((daysBack * DAY) / 60_000) * 60_000
  }
}

const iso = (time: number): string => new Date(time).toISOString()
const isoDay = (time: number): string => iso(time).slice(0, 10)

export function generateStore(size: StoreSize, seed = 1): StoreData {
  const rng = new Rng(seed)
  const eventCount =
    size.events ?? (size.encounters > 0 ? Math.max(1, Math.round(size.contacts / 50)) : 0)

  const contacts: Contact[] = []
  for (let i = 0; i < size.contacts; i += 1) {
    const given = rng.pick(GIVEN)
    const family = rng.pick(FAMILY)
    const created = rng.before(30 + rng.float() * 1000)
    const updated = Math.min(BASE_TIME, created + rng.int(200) * DAY)
    const handle = `${given}.${family}${i}`.toLowerCase()
    contacts.push({
      id: rng.uuid(),
      createdAt: iso(created),
      updatedAt: iso(updated),
      name: `${given} ${family}`,
      mutualIds: [],
      ...(rng.chance(0.3) ? { givenName: given, familyName: family } : {}),
      organization: rng.pick(ORGS),
      role: rng.pick(ROLES),
      whatTheyDo: rng.chance(0.6) ? rng.pick(DOING) : '',
      challenges: rng.chance(0.3) ? 'Hiring is slow this year.' : '',
      canOffer: rng.chance(0.3) ? 'Intros to local investors.' : '',
      theirAdvice: '',
      goals: rng.chance(0.2) ? 'Raise a first round by summer.' : '',
      seed: rng.chance(0.5) ? rng.pick(SEEDS) : '',
      bestWayToReach: rng.chance(0.5) ? 'WeChat' : 'Email',
      assistantName: '',
      phones: rng.chance(0.4) ? [{ label: 'mobile', value: `+86 139 ${1000_0000 + i}` }] : [],
      emails: [{ label: 'work', value: `${handle}@example.com` }],
      links: rng.chance(0.4) ? [{ kind: 'linkedin', value: `https://linkedin.com/in/${i}` }] : [],
      ...(rng.chance(0.3)
        ? { firstMet: { date: isoDay(created), place: rng.pick(PLACES), how: 'At a talk.' } }
        : {}),
      ...(i > 0 && rng.chance(0.1) ? { introducedById: contacts[rng.int(i)]!.id } : {}),
      importantDates: rng.chance(0.1)
        ? [{ label: 'Birthday', date: `19${70 + rng.int(30)}-0${1 + rng.int(9)}-1${rng.int(9)}` }]
        : [],
      family: '',
      interests: rng.some(INTERESTS, 2),
      ecosystem: rng.pick(ECOSYSTEMS),
      tags: rng.some(TAGS, 2),
      notes: rng.chance(0.3) ? 'Met twice; prefers mornings.' : '',
      influence: rng.pick(LEVELS),
      closeness: rng.pick(CLOSENESS),
      tier: rng.chance(0.9) ? 'outside' : rng.pick(TIERS),
      archived: rng.chance(0.03),
    })
  }

  const events: RapportEvent[] = []
  for (let i = 0; i < eventCount; i += 1) {
    const starts = rng.before(rng.float() * 900 - 60)
    const place = rng.pick(PLACES)
    const targets = contacts.length
      ? Array.from({ length: rng.int(4) }, (_, rank) => ({
          contactId: rng.pick(contacts).id,
          rank: rank + 1,
          talkingPoints: '',
          mustMeet: false,
          stage: 'researching' as const,
        }))
      : []
    events.push({
      id: rng.uuid(),
      createdAt: iso(starts - 30 * DAY),
      updatedAt: iso(starts - 20 * DAY),
      name: `${place} ${rng.pick(EVENT_KINDS)} ${2022 + rng.int(4)}`,
      startsAt: iso(starts),
      endsAt: iso(starts + 8 * 60 * 60 * 1000),
      timeZone: 'Asia/Shanghai',
      venue: 'Convention Centre',
      city: place,
      level: rng.pick(EVENT_LEVELS),
      series: '',
      address: '',
      whyItMatters: '',
      keyContactIds: [],
      organiser: { organization: '', contactIds: [] },
      stretchesComfortZone: rng.chance(0.2),
      targets,
      people: [],
      checklist: [],
      url: '',
      notes: '',
    })
  }

  const encounters: Encounter[] = []
  for (let i = 0; i < size.encounters && contacts.length > 0; i += 1) {
    const contact = rng.pick(contacts)
    const event = events.length > 0 && rng.chance(0.6) ? rng.pick(events) : undefined
    const at = event
      ? Date.parse(event.startsAt) + rng.int(480) * 60_000
      : rng.before(rng.float() * 900)
    encounters.push({
      id: rng.uuid(),
      createdAt: iso(at),
      updatedAt: iso(at),
      contactId: contact.id,
      ...(event ? { eventId: event.id } : {}),
      at: iso(at),
      howCanIHelp: rng.chance(0.2) ? 'An intro to a recruiter.' : '',
      theirAdvice: '',
      whomShouldTheyMeet: '',
      whomShouldIMeet: '',
      seed: rng.chance(0.25) ? rng.pick(SEEDS) : '',
      bestWayToReach: '',
      assistantName: '',
      cardReceived: rng.chance(0.3),
      deep: rng.chance(0.2),
      mentions: rng.chance(0.05)
        ? [{ name: `${rng.pick(GIVEN)} ${rng.pick(FAMILY)}`, direction: 'iShouldMeet' as const }]
        : [],
      notes: rng.chance(0.2) ? 'Talked about travel.' : '',
    })
  }

  const followUps: FollowUp[] = []
  for (let i = 0; i < size.followUps && contacts.length > 0; i += 1) {
    const encounter = encounters.length > 0 && rng.chance(0.6) ? rng.pick(encounters) : undefined
    const created = encounter ? Date.parse(encounter.at) : rng.before(rng.float() * 900)
    const due = created + (1 + rng.int(30)) * DAY
    const done = due < BASE_TIME && rng.chance(0.7)
    followUps.push({
      id: rng.uuid(),
      createdAt: iso(created),
      updatedAt: iso(done ? due : created),
      contactId: encounter ? encounter.contactId : rng.pick(contacts).id,
      ...(encounter ? { encounterId: encounter.id } : {}),
      ...(encounter?.eventId ? { eventId: encounter.eventId } : {}),
      title: rng.pick(TITLES),
      dueAt: iso(due),
      ...(done ? { doneAt: iso(due) } : {}),
      ...(rng.chance(0.5) ? { careKind: rng.pick(CARE_KINDS) } : {}),
      promise: rng.chance(0.15),
      notes: '',
      reason: encounter ? 'afterMeeting' : 'custom',
      status: done ? 'done' : 'open',
      channel: '',
      doneNote: '',
    })
  }

  return { ...emptyStoreData(), contacts, events, encounters, followUps }
}
