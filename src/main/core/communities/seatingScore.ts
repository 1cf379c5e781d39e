import type { SeatingLayout } from './seatingLayout'

/**
 * What the planner optimises. `people[0]` is me, the host, always at `layout.hostSeat`.
 * `value[i][j]` is what it is worth that i and j sit next to (or across from) each other.
 */
export interface SeatingProblem {
  layout: SeatingLayout
  people: string[]
  value: number[][]
  together: [number, number][]
  apart: [number, number][]
}

/** Seat index → person index, or -1 for an empty seat. */
export type Assignment = number[]

/** A broken "together" or "apart" outweighs any mix of good neighbours. */
export const CONSTRAINT_PENALTY = 100

export const EMPTY = -1

/** Where each person sits: person index → seat index (or -1 when not seated). */
export function seatOf(problem: SeatingProblem, assignment: Assignment): number[] {
  const where = new Array<number>(problem.people.length).fill(-1)
  assignment.forEach((person, seat) => {
    if (person !== EMPTY) where[person] = seat
  })
  return where
}

function joined(layout: SeatingLayout, a: number, b: number): boolean {
  return layout.edges.some((e) => (e.a === a && e.b === b) || (e.a === b && e.b === a))
}

/** The sum over every pair of neighbours, less a penalty for each broken constraint. */
export function scoreAssignment(problem: SeatingProblem, assignment: Assignment): number {
  let score = 0
  for (const edge of problem.layout.edges) {
    const p = assignment[edge.a]!
    const q = assignment[edge.b]!
    if (p !== EMPTY && q !== EMPTY) score += problem.value[p]![q]!
  }
  if (problem.together.length > 0 || problem.apart.length > 0) {
    const where = seatOf(problem, assignment)
    for (const [a, b] of problem.together) {
      if (where[a]! < 0 || where[b]! < 0 || !joined(problem.layout, where[a]!, where[b]!))
        score -= CONSTRAINT_PENALTY
    }
    for (const [a, b] of problem.apart) {
      if (where[a]! >= 0 && where[b]! >= 0 && joined(problem.layout, where[a]!, where[b]!))
        score -= CONSTRAINT_PENALTY
    }
  }
  return score
}
