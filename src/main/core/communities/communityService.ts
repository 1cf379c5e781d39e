import { assertFreshEdit } from '../store/freshEdit'
import type {
  CommunitySummary,
  CommunityView,
  GatheringView,
} from '../../../shared/communities/communityOperations'
import type { ParsedInputOf } from '../../../shared/contract'
import { RapportError } from '../../../shared/errors'
import {
  communitySchema,
  followUpSchema,
  gatheringSchema,
  ME_ID,
  relationshipSchema,
  type Community,
  type Gathering,
  type StoreData,
} from '../../../shared/model'
import { newId, nextTimestamp, type Clock } from '../clock'
import { splitBill } from './billSplit'
import { communityHealth, overallStatus } from './communityHealth'
import { connectionShare, sizeNotes } from './gatheringSize'
import { seatKey } from './seatingLayout'
import { planSeating } from './seatingPlanner'
import {
  assignmentFromSeats,
  pairValue,
  reasonFor,
  seatedPeople,
  seatingProblemFor,
  seatsFromAssignment,
  HOST_PAIR_VALUE,
} from './seatingProblem'
import { EMPTY, scoreAssignment, seatOf, CONSTRAINT_PENALTY } from './seatingScore'
import type { DataStore, StoreTransaction } from '../store/dataStore'
import { notFound } from '../contacts/contactService'

function invalid(path: string, message: string, reason?: string): RapportError {
  const issue = reason ? { path, message, reason } : { path, message }
  return new RapportError('VALIDATION', `${path}: ${message}`, { issues: [issue] })
}

function findCommunity(data: Readonly<StoreData>, id: string): Community {
  const found = data.communities.find((c) => c.id === id)
  if (!found) throw notFound('community', id)
  return found
}

function findGathering(data: Readonly<StoreData>, id: string): Gathering {
  const found = data.gatherings.find((g) => g.id === id)
  if (!found) throw notFound('gathering', id)
  return found
}

function requireContacts(data: Readonly<StoreData>, ids: string[], path: string, allowMe = false) {
  const known = new Set(data.contacts.map((c) => c.id))
  ids.forEach((id, i) => {
    if (!(known.has(id) || (allowMe && id === ME_ID))) {
      throw new RapportError('NOT_FOUND', `${path}.${i}: no contact with id ${id}`, {
        kind: 'contact',
        id,
        issues: [{ path: `${path}.${i}`, message: 'no such contact' }],
      })
    }
  })
}

function requireTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
  } catch {
    throw invalid('timeZone', `unknown time zone "${zone}"`, 'unknownTimeZone')
  }
}

function noDuplicates(ids: string[], path: string) {
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) throw invalid(path, `${id} is listed twice`)
    seen.add(id)
  }
}

const nameOf = (data: Readonly<StoreData>) => {
  const names = new Map(data.contacts.map((c) => [c.id, c.name]))
  return (ids: Iterable<string>) => {
    const out: Record<string, string> = {}
    for (const id of ids) {
      const name = names.get(id)
      if (name !== undefined) out[id] = name
    }
    return out
  }
}

/** Same pair in either order. */
const pairKey = ([a, b]: readonly [string, string]) => (a < b ? `${a}|${b}` : `${b}|${a}`)

/** Communities, their health, and gatherings from invitations to seating, bill and outcomes. */
export function createCommunityService(
  store: DataStore,
  clock: Clock,
  language: () => 'zh-CN' | 'en',
) {
  const summaryOf = (
    data: Readonly<StoreData>,
    community: Community,
    now: Date,
  ): CommunitySummary => {
    const health = communityHealth(community, data.gatherings, now)
    return {
      community,
      health,
      overall: overallStatus(health),
      gatherings: data.gatherings.filter((g) => g.communityId === community.id).length,
    }
  }

  const viewOf = (data: Readonly<StoreData>, gathering: Gathering): GatheringView => {
    const problem = seatingProblemFor(data, gathering)
    const assignment = assignmentFromSeats(problem, gathering.seating)
    const pairs: GatheringView['seating']['pairs'] = []
    for (const edge of problem.layout.edges) {
      const p = assignment[edge.a]!
      const q = assignment[edge.b]!
      if (p === EMPTY || q === EMPTY) continue
      const a = problem.people[p]!
      const b = problem.people[q]!
      if (p === 0 || q === 0) {
        pairs.push({
          a,
          b,
          kind: edge.kind,
          value: HOST_PAIR_VALUE,
          known: 'host',
          interests: [],
          tags: [],
          ecosystem: null,
          communities: [],
        })
        continue
      }
      const reason = reasonFor(data, a, b, gathering.id)
      pairs.push({
        a,
        b,
        kind: edge.kind,
        value: pairValue(reason),
        known: reason.known,
        interests: reason.interests,
        tags: reason.tags,
        ecosystem: reason.ecosystem,
        communities: reason.communityIds.map(
          (id) => data.communities.find((c) => c.id === id)?.name ?? id,
        ),
      })
    }
    const score = scoreAssignment(problem, assignment)
    const where = seatOf(problem, assignment)
    const people = seatedPeople(gathering)
    const community = gathering.communityId
      ? data.communities.find((c) => c.id === gathering.communityId)
      : undefined
    const ids = new Set<string>([
      ...people,
      ...gathering.attendees.map((a) => a.contactId),
      ...gathering.outcomes.connectedPairs.flat(),
      ...gathering.outcomes.secondMeetings.flat(),
      ...gathering.constraints.flatMap((c) => [c.a, c.b]),
      ...(community?.members.map((m) => m.contactId) ?? []),
    ])
    // Split among everyone expected: who said yes, maybe, or has not answered yet (the host
    // cannot know who else comes); only a "no" is left out.
    const bill = splitBill(gathering.bill, [
      ME_ID,
      ...gathering.attendees.filter((a) => a.rsvp !== 'no').map((a) => a.contactId),
    ])
    return {
      gathering,
      communityName: community?.name ?? null,
      names: nameOf(data)(ids),
      sizeNotes: sizeNotes(gathering),
      seating: {
        score,
        // The pairs carry every neighbour's value; what the score lacks is penalties.
        brokenConstraints: Math.round(
          (pairs.reduce((sum, pair) => sum + pair.value, 0) - score) / CONSTRAINT_PENALTY,
        ),
        pairs,
        unseated: people.filter((_, i) => where[i] === -1),
      },
      bill,
      connectionShare: connectionShare(gathering, clock.now()),
    }
  }

  /**
   * Replaces the gathering with `change` applied, re-validated whole, in one transaction; the
   * view is built once it is saved, so it reflects relationships created alongside.
   */
  const changeGathering = (
    id: string,
    make: (tx: StoreTransaction, current: Gathering) => Partial<Gathering>,
  ): Promise<GatheringView> =>
    store
      .update((tx) => {
        const current = findGathering(tx.data, id)
        const now = nextTimestamp(clock, current.updatedAt)
        const next = gatheringSchema.parse({ ...current, ...make(tx, current), updatedAt: now })
        tx.put('gatherings', next)
        return next
      })
      .then((next) => viewOf(store.read(), next))

  const changeCommunity = (id: string, make: (current: Community) => Partial<Community>) =>
    store.update((tx) => {
      const current = findCommunity(tx.data, id)
      const now = nextTimestamp(clock, current.updatedAt)
      const next = communitySchema.parse({ ...current, ...make(current), updatedAt: now })
      tx.put('communities', next)
      return next
    })

  const checkGatheringRefs = (
    data: Readonly<StoreData>,
    input: ParsedInputOf<'gatherings.update'>['patch'],
    attendeeIds: string[],
  ) => {
    if (input.communityId) findCommunity(data, input.communityId)
    if (input.timeZone) requireTimeZone(input.timeZone)
    if (input.attendees) {
      const ids = input.attendees.map((a) => a.contactId)
      noDuplicates(ids, 'attendees')
      requireContacts(data, ids, 'attendees')
    }
    const present = new Set([ME_ID, ...attendeeIds])
    if (input.bill) {
      const people = [
        ...(input.bill.payerId ? [input.bill.payerId] : []),
        ...(input.bill.settledIds ?? []),
        ...(input.bill.items ?? []).flatMap((item) => item.owedBy),
      ]
      for (const id of people)
        if (!present.has(id)) throw invalid('bill', `${id} is not at this gathering`)
    }
    for (const [i, c] of (input.constraints ?? []).entries()) {
      if (c.a === c.b) throw invalid(`constraints.${i}`, 'a pair needs two different people')
      if (!present.has(c.a) || !present.has(c.b))
        throw invalid(`constraints.${i}`, 'both people must be at this gathering')
    }
  }

  const billFrom = (bill: NonNullable<ParsedInputOf<'gatherings.update'>['patch']['bill']>) => ({
    ...bill,
    items: (bill.items ?? []).map((item) => ({ ...item, id: item.id ?? newId() })),
    settledIds: bill.settledIds ?? [],
  })

  /** Optional fields: null clears, undefined leaves as is. */
  const cleared = <T>(value: T | null | undefined, current: T | undefined): T | undefined =>
    value === null ? undefined : value === undefined ? current : value

  return {
    summaries({ now }: ParsedInputOf<'communities.summaries'>): CommunitySummary[] {
      const at = now ? new Date(now) : clock.now()
      const data = store.read()
      const runs = (c: Community) => (c.role === 'member' ? 1 : 0)
      return data.communities
        .map((c) => summaryOf(data, c, at))
        .sort(
          (a, b) =>
            runs(a.community) - runs(b.community) ||
            a.community.name.localeCompare(b.community.name),
        )
    },

    view({ id, now }: ParsedInputOf<'communities.view'>): CommunityView {
      const data = store.read()
      const community = findCommunity(data, id)
      const ids = [
        ...community.members.map((m) => m.contactId),
        ...community.activities.flatMap((a) => a.participantIds),
      ]
      return {
        ...summaryOf(data, community, now ? new Date(now) : clock.now()),
        gatheringList: data.gatherings
          .filter((g) => g.communityId === id)
          .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt)),
        names: nameOf(data)(ids),
      }
    },

    createCommunity(input: ParsedInputOf<'communities.create'>): Promise<Community> {
      return store.update((tx) => {
        const members = input.members ?? []
        noDuplicates(
          members.map((m) => m.contactId),
          'members',
        )
        requireContacts(
          tx.data,
          members.map((m) => m.contactId),
          'members',
        )
        const now = nextTimestamp(clock)
        const community = communitySchema.parse({
          ...input,
          id: newId(),
          createdAt: now,
          updatedAt: now,
        })
        tx.put('communities', community)
        return community
      })
    },

    updateCommunity({
      id,
      patch,
      expectedUpdatedAt,
      base,
    }: ParsedInputOf<'communities.update'>): Promise<Community> {
      return store.update((tx) => {
        const current = findCommunity(tx.data, id)
        assertFreshEdit({ kind: 'community', id, current, patch, expectedUpdatedAt, base })
        if (patch.members) {
          const ids = patch.members.map((m) => m.contactId)
          noDuplicates(ids, 'members')
          requireContacts(tx.data, ids, 'members')
        }
        const now = nextTimestamp(clock, current.updatedAt)
        const next = communitySchema.parse({ ...current, ...patch, updatedAt: now })
        tx.put('communities', next)
        return next
      })
    },

    logActivity(input: ParsedInputOf<'communities.logActivity'>): Promise<Community> {
      return store.update((tx) => {
        const current = findCommunity(tx.data, input.communityId)
        const participantIds = input.participantIds ?? []
        noDuplicates(participantIds, 'participantIds')
        requireContacts(tx.data, participantIds, 'participantIds')
        const now = nextTimestamp(clock, current.updatedAt)
        const activity = {
          id: newId(),
          at: input.at ?? now,
          kind: input.kind,
          title: input.title,
          participantIds,
          note: input.note ?? '',
        }
        const activities = [...current.activities, activity].sort(
          (a, b) => Date.parse(b.at) - Date.parse(a.at),
        )
        const next = communitySchema.parse({ ...current, activities, updatedAt: now })
        tx.put('communities', next)
        return next
      })
    },

    removeActivity({
      communityId,
      activityId,
    }: ParsedInputOf<'communities.removeActivity'>): Promise<Community> {
      return changeCommunity(communityId, (current) => {
        if (!current.activities.some((a) => a.id === activityId))
          throw notFound('activity', activityId)
        return { activities: current.activities.filter((a) => a.id !== activityId) }
      })
    },

    gatheringView({ id }: ParsedInputOf<'gatherings.view'>): GatheringView {
      const data = store.read()
      return viewOf(data, findGathering(data, id))
    },

    createGathering(input: ParsedInputOf<'gatherings.create'>): Promise<Gathering> {
      return store.update((tx) => {
        const { inviteMembers, communityId, budgetPerPerson, currency, bill, ...rest } = input
        const attendees = [...(input.attendees ?? [])]
        if (inviteMembers) {
          if (!communityId) throw invalid('inviteMembers', 'needs a community')
          const given = new Set(attendees.map((a) => a.contactId))
          for (const m of findCommunity(tx.data, communityId).members)
            if (!given.has(m.contactId)) attendees.push({ contactId: m.contactId, rsvp: 'invited' })
        }
        checkGatheringRefs(
          tx.data,
          { ...input, attendees },
          attendees.map((a) => a.contactId),
        )
        const now = nextTimestamp(clock)
        const gathering = gatheringSchema.parse({
          ...rest,
          attendees,
          ...(communityId ? { communityId } : {}),
          ...(budgetPerPerson != null ? { budgetPerPerson } : {}),
          ...(currency ? { currency } : {}),
          ...(bill ? { bill: billFrom(bill) } : {}),
          id: newId(),
          createdAt: now,
          updatedAt: now,
        })
        tx.put('gatherings', gathering)
        return gathering
      })
    },

    updateGathering({
      id,
      patch,
      expectedUpdatedAt,
      base,
    }: ParsedInputOf<'gatherings.update'>): Promise<GatheringView> {
      return changeGathering(id, (tx, current) => {
        assertFreshEdit({ kind: 'gathering', id, current, patch, expectedUpdatedAt, base })
        const attendees = patch.attendees ?? current.attendees
        checkGatheringRefs(
          tx.data,
          patch,
          attendees.map((a) => a.contactId),
        )
        const { communityId, budgetPerPerson, currency, bill, ...rest } = patch
        // Someone who declines (or is taken off the list) gives their seat back at once, so
        // the plan never shows a chair for a person who is not coming.
        const seated = new Set(
          attendees
            .filter((a) => a.rsvp !== 'no')
            .map((a) => a.contactId)
            .concat(ME_ID),
        )
        const seating = current.seating.filter((s) => seated.has(s.personId))
        return {
          ...rest,
          seating,
          communityId: cleared(communityId, current.communityId),
          budgetPerPerson: cleared(budgetPerPerson, current.budgetPerPerson),
          currency: cleared(currency, current.currency),
          ...(bill ? { bill: billFrom(bill) } : {}),
        }
      })
    },

    splitIntoTwoDates({ id, startsAt }: ParsedInputOf<'gatherings.splitIntoTwoDates'>): Promise<{
      kept: Gathering
      created: Gathering
    }> {
      return store.update((tx) => {
        const current = findGathering(tx.data, id)
        const coming = current.attendees.filter((a) => a.rsvp !== 'no')
        if (coming.length < 2) throw invalid('attendees', 'fewer than two guests to split')
        const moving = new Set(coming.slice(Math.ceil(coming.length / 2)).map((a) => a.contactId))
        const stays = (personId: string) => !moving.has(personId)
        const moves = (personId: string) => moving.has(personId)
        const now = nextTimestamp(clock, current.updatedAt)
        const kept = gatheringSchema.parse({
          ...current,
          attendees: current.attendees.filter((a) => stays(a.contactId)),
          seating: current.seating.filter((s) => stays(s.personId)),
          constraints: current.constraints.filter((c) => stays(c.a) && stays(c.b)),
          updatedAt: now,
        })
        const created = gatheringSchema.parse({
          ...current,
          id: newId(),
          createdAt: now,
          updatedAt: now,
          demo: undefined,
          startsAt,
          attendees: current.attendees.filter((a) => moves(a.contactId)),
          seating: [],
          constraints: current.constraints.filter(
            (c) => (moves(c.a) || c.a === ME_ID) && (moves(c.b) || c.b === ME_ID),
          ),
          bill: { mode: current.bill.mode, items: [], settledIds: [] },
          outcomes: { connectedPairs: [], secondMeetings: [], notes: '' },
        })
        tx.put('gatherings', kept)
        tx.put('gatherings', created)
        return { kept, created }
      })
    },

    planSeating({ id, seed }: ParsedInputOf<'gatherings.planSeating'>): Promise<GatheringView> {
      return changeGathering(id, (tx, current) => {
        const problem = seatingProblemFor(tx.data, current)
        const seats = problem.layout.seats.length
        if (problem.people.length > seats) {
          throw new RapportError(
            'VALIDATION',
            `${problem.people.length} people (me included) need more than the ${seats} seats`,
            {
              issues: [
                { path: 'tables', message: `${problem.people.length} people, ${seats} seats` },
              ],
            },
          )
        }
        const plan = planSeating(problem, { seed: seed ?? 1 })
        return { seating: seatsFromAssignment(problem, plan.assignment) }
      })
    },

    swapSeats({ id, from, to }: ParsedInputOf<'gatherings.swapSeats'>): Promise<GatheringView> {
      return changeGathering(id, (tx, current) => {
        const problem = seatingProblemFor(tx.data, current)
        const index = new Map(problem.layout.seats.map((s, i) => [seatKey(s), i]))
        const i = index.get(seatKey(from))
        const j = index.get(seatKey(to))
        if (i === undefined) throw invalid('from', `table ${from.table} has no seat ${from.seat}`)
        if (j === undefined) throw invalid('to', `table ${to.table} has no seat ${to.seat}`)
        const assignment = assignmentFromSeats(problem, current.seating)
        ;[assignment[i], assignment[j]] = [assignment[j]!, assignment[i]!]
        return { seating: seatsFromAssignment(problem, assignment) }
      })
    },

    recordOutcomes(input: ParsedInputOf<'gatherings.recordOutcomes'>): Promise<GatheringView> {
      return changeGathering(input.id, (tx, current) => {
        const guests = new Set(current.attendees.map((a) => a.contactId))
        const check = (pairs: [string, string][], path: string, allowMe: boolean) =>
          pairs.forEach(([a, b], i) => {
            if (a === b) throw invalid(`${path}.${i}`, 'a pair needs two different people')
            for (const id of [a, b])
              if (!guests.has(id) && !(allowMe && id === ME_ID))
                throw invalid(`${path}.${i}`, `${id} is not a guest of this gathering`)
          })
        check(input.connectedPairs, 'connectedPairs', false)
        check(input.secondMeetings, 'secondMeetings', true)
        const unique = (pairs: [string, string][]) => [
          ...new Map(pairs.map((p) => [pairKey(p), p])).values(),
        ]
        const connectedPairs = unique(input.connectedPairs)
        const secondMeetings = unique(input.secondMeetings)

        const now = nextTimestamp(clock)
        const zh = language() === 'zh-CN'
        const had = new Set(current.outcomes.connectedPairs.map(pairKey))
        for (const [a, b] of connectedPairs) {
          if (had.has(pairKey([a, b]))) continue
          const related = tx.data.relationships.some(
            (r) => (r.fromId === a && r.toId === b) || (r.fromId === b && r.toId === a),
          )
          if (related) continue
          tx.put(
            'relationships',
            relationshipSchema.parse({
              id: newId(),
              createdAt: now,
              updatedAt: now,
              fromId: a,
              toId: b,
              kind: 'knows',
              note: (zh ? `在「${current.title}」上认识` : `Met at ${current.title}`).slice(0, 200),
            }),
          )
        }
        const names = nameOf(tx.data)
        const hadMeetings = new Set(current.outcomes.secondMeetings.map(pairKey))
        // A week after the gathering (or from now, if recorded late) to ask how it went.
        const due = new Date(
          Math.max(Date.parse(current.startsAt), clock.now().getTime()) + 7 * 86_400_000,
        ).toISOString()
        for (const pair of secondMeetings) {
          if (hadMeetings.has(pairKey(pair))) continue
          const withMe = pair.includes(ME_ID)
          const [contactId, other] = pair[0] === ME_ID ? [pair[1], pair[0]] : pair
          const n = names([contactId, other])
          const title = withMe
            ? zh
              ? `和${n[contactId] ?? ''}第二次见面`
              : `Second meeting with ${n[contactId] ?? ''}`
            : zh
              ? `问问${n[contactId] ?? ''}和${n[other] ?? ''}第二次见面怎么样`
              : `Ask how ${n[contactId] ?? ''} and ${n[other] ?? ''}'s second meeting went`
          tx.put(
            'followUps',
            followUpSchema.parse({
              id: newId(),
              createdAt: now,
              updatedAt: now,
              contactId,
              title: title.slice(0, 200),
              dueAt: due,
              reason: 'secondMeeting',
              notes: current.title,
            }),
          )
        }
        return { outcomes: { connectedPairs, secondMeetings, notes: input.notes } }
      })
    },
  }
}
