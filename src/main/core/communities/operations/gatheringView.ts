import type { GatheringView } from '../../../../shared/communities/communityOperations'
import type { ParsedInputOf } from '../../../../shared/contract'
import { gatheringSchema, ME_ID, type Gathering } from '../../../../shared/model'
import { nextTimestamp } from '../../clock'
import type { StoreTransaction } from '../../store/dataStore'
import { splitBill } from '../billSplit'
import { connectionShare, sizeNotes } from '../gatheringSize'
import {
  assignmentFromSeats,
  HOST_PAIR_VALUE,
  pairValue,
  reasonFor,
  seatedPeople,
  seatingProblemFor,
} from '../seatingProblem'
import { CONSTRAINT_PENALTY, EMPTY, scoreAssignment, seatOf } from '../seatingScore'
import { gatheringOr404, namesOf, type CommunityDeps } from './communityRecords'

/** A gathering's page: who sits by whom and why, the seating's score, the bill's split. */
export function viewOf({ store, clock }: CommunityDeps, gathering: Gathering): GatheringView {
  const data = store.read()
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
      communities: reason.communityIds.map((id) => store.find('communities', id)?.name ?? id),
    })
  }
  const score = scoreAssignment(problem, assignment)
  const where = seatOf(problem, assignment)
  const people = seatedPeople(gathering)
  const community = gathering.communityId
    ? store.find('communities', gathering.communityId)
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
    names: namesOf(store, ids),
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

export function gatheringView(
  deps: CommunityDeps,
  { id }: ParsedInputOf<'gatherings.view'>,
): GatheringView {
  return viewOf(deps, gatheringOr404(deps.store, id))
}

/**
 * Replaces the gathering with `make`'s change applied, re-validated whole, in one transaction;
 * the view is built once it is saved, so it reflects relationships created alongside.
 */
export function changeGathering(
  deps: CommunityDeps,
  id: string,
  make: (tx: StoreTransaction, current: Gathering) => Partial<Gathering>,
): Promise<GatheringView> {
  const { store, clock } = deps
  return store
    .update((tx) => {
      const current = gatheringOr404(tx, id)
      const now = nextTimestamp(clock, current.updatedAt)
      const next = gatheringSchema.parse({ ...current, ...make(tx, current), updatedAt: now })
      tx.put('gatherings', next)
      return next
    })
    .then((next) => viewOf(deps, next))
}
