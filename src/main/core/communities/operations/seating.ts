import type { GatheringView } from '../../../../shared/communities/communityOperations'
import type { ParsedInputOf } from '../../../../shared/contract'
import { RapportError } from '../../../../shared/errors'
import { seatKey } from '../seatingLayout'
import { planSeating } from '../seatingPlanner'
import { assignmentFromSeats, seatingProblemFor, seatsFromAssignment } from '../seatingProblem'
import { invalid, type CommunityDeps } from './communityRecords'
import { changeGathering } from './gatheringView'

/** Seats everyone coming (me included) so that people who should meet sit together. */
export function planGatheringSeating(
  deps: CommunityDeps,
  { id, seed }: ParsedInputOf<'gatherings.planSeating'>,
): Promise<GatheringView> {
  return changeGathering(deps, id, (tx, current) => {
    const problem = seatingProblemFor(tx.data, current)
    const seats = problem.layout.seats.length
    if (problem.people.length > seats) {
      throw new RapportError(
        'VALIDATION',
        `${problem.people.length} people (me included) need more than the ${seats} seats`,
        {
          issues: [{ path: 'tables', message: `${problem.people.length} people, ${seats} seats` }],
        },
      )
    }
    const plan = planSeating(problem, { seed: seed ?? 1 })
    return { seating: seatsFromAssignment(problem, plan.assignment) }
  })
}

/** Swaps whoever sits in two seats (an empty seat moves the person into it). */
export function swapSeats(
  deps: CommunityDeps,
  { id, from, to }: ParsedInputOf<'gatherings.swapSeats'>,
): Promise<GatheringView> {
  return changeGathering(deps, id, (tx, current) => {
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
}
