import {
  ME_ID,
  type Ecosystem,
  type Gathering,
  type Seat,
  type StoreData,
} from '../../../shared/model'
import { seatingLayout, seatKey } from './seatingLayout'
import { EMPTY, type Assignment, type SeatingProblem } from './seatingScore'

/** Why two people are (or are not) good neighbours; the UI words it. */
export interface PairReason {
  /**
   * How they already know each other, or null if they do not. "Knowing each other" means: a
   * relationship between them (any kind), one lists the other among mutual acquaintances, or an
   * earlier gathering recorded that they connected.
   */
  known: 'relationship' | 'mutual' | 'gathering' | null
  interests: string[]
  tags: string[]
  ecosystem: Ecosystem | null
  communityIds: string[]
}

/** Up to three shared things count; beyond that a pair is simply "a lot in common". */
const SHARED_CAP = 3

/** A new acquaintance is worth 2, plus 1 per shared thing; people who know each other gain 0. */
export function pairValue(reason: PairReason): number {
  if (reason.known) return 0
  const shared =
    reason.interests.length +
    reason.tags.length +
    (reason.ecosystem ? 1 : 0) +
    reason.communityIds.length
  return 2 + Math.min(SHARED_CAP, shared)
}

/** Sitting by me is worth a little: guests like to be near the host, but I know them all. */
export const HOST_PAIR_VALUE = 1

/** Who gets a seat: me and every guest who has not declined. */
export function seatedPeople(gathering: Gathering): string[] {
  return [ME_ID, ...gathering.attendees.filter((a) => a.rsvp !== 'no').map((a) => a.contactId)]
}

const lower = (values: string[]) => new Set(values.map((v) => v.trim().toLowerCase()))
const common = (a: string[], b: string[]) => {
  const other = lower(b)
  return a.filter((v) => other.has(v.trim().toLowerCase()))
}

/** Why `a` and `b` would (not) be good neighbours, from the store. */
export function reasonFor(
  data: Readonly<StoreData>,
  a: string,
  b: string,
  exceptGatheringId?: string,
): PairReason {
  const ca = data.contacts.find((c) => c.id === a)
  const cb = data.contacts.find((c) => c.id === b)
  const related = data.relationships.some(
    (r) => (r.fromId === a && r.toId === b) || (r.fromId === b && r.toId === a),
  )
  const mutual = Boolean(ca?.mutualIds.includes(b) || cb?.mutualIds.includes(a))
  const metAtGathering = data.gatherings.some(
    (g) =>
      g.id !== exceptGatheringId &&
      g.outcomes.connectedPairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a)),
  )
  const memberOf = (id: string) =>
    data.communities.filter((c) => c.members.some((m) => m.contactId === id)).map((c) => c.id)
  const communitiesB = new Set(memberOf(b))
  return {
    known: related ? 'relationship' : mutual ? 'mutual' : metAtGathering ? 'gathering' : null,
    interests: ca && cb ? common(ca.interests, cb.interests) : [],
    tags: ca && cb ? common(ca.tags, cb.tags) : [],
    ecosystem: ca?.ecosystem && ca.ecosystem === cb?.ecosystem ? ca.ecosystem : null,
    communityIds: memberOf(a).filter((id) => communitiesB.has(id)),
  }
}

/** The planner's problem for a gathering: its tables, its people and what each pair is worth. */
export function seatingProblemFor(data: Readonly<StoreData>, gathering: Gathering): SeatingProblem {
  const people = seatedPeople(gathering)
  const value = people.map((a, i) =>
    people.map((b, j) => {
      if (i === j) return 0
      if (i === 0 || j === 0) return HOST_PAIR_VALUE
      return pairValue(reasonFor(data, a, b, gathering.id))
    }),
  )
  const index = new Map(people.map((id, i) => [id, i]))
  const pairsOf = (kind: 'together' | 'apart') =>
    gathering.constraints
      .filter((c) => c.kind === kind && index.has(c.a) && index.has(c.b))
      .map((c): [number, number] => [index.get(c.a)!, index.get(c.b)!])
  return {
    layout: seatingLayout(gathering.tables),
    people,
    value,
    together: pairsOf('together'),
    apart: pairsOf('apart'),
  }
}

export function seatsFromAssignment(problem: SeatingProblem, assignment: Assignment): Seat[] {
  const seats: Seat[] = []
  assignment.forEach((person, i) => {
    if (person === EMPTY) return
    const ref = problem.layout.seats[i]!
    seats.push({ personId: problem.people[person]!, table: ref.table, seat: ref.seat })
  })
  return seats
}

/** The stored seating as an assignment; seats that no longer exist or people who left drop out. */
export function assignmentFromSeats(problem: SeatingProblem, seating: Seat[]): Assignment {
  const seatIndex = new Map(problem.layout.seats.map((s, i) => [seatKey(s), i]))
  const personIndex = new Map(problem.people.map((id, i) => [id, i]))
  const assignment: Assignment = new Array<number>(problem.layout.seats.length).fill(EMPTY)
  for (const s of seating) {
    const seat = seatIndex.get(seatKey(s))
    const person = personIndex.get(s.personId)
    if (seat !== undefined && person !== undefined && assignment[seat] === EMPTY)
      assignment[seat] = person
  }
  return assignment
}
