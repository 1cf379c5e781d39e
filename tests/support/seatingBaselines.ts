import {
  EMPTY,
  scoreAssignment,
  type Assignment,
  type SeatingProblem,
} from '../../src/main/core/communities/seatingScore'

/**
 * The obvious way to seat people, kept to measure the planner against: take the seats in order
 * and give each one the guest who gains most from the neighbours already seated.
 */
export function greedySeating(problem: SeatingProblem): Assignment {
  const { layout } = problem
  const assignment: Assignment = new Array<number>(layout.seats.length).fill(EMPTY)
  assignment[layout.hostSeat] = 0
  const left = new Set(problem.people.map((_, i) => i).filter((i) => i !== 0))
  for (let seat = 0; seat < layout.seats.length && left.size > 0; seat++) {
    if (seat === layout.hostSeat) continue
    let chosen = -1
    let chosenGain = -Infinity
    for (const person of left) {
      let gain = 0
      for (const e of layout.edges) {
        const other = e.a === seat ? e.b : e.b === seat ? e.a : -1
        if (other >= 0 && assignment[other] !== EMPTY)
          gain += problem.value[person]![assignment[other]!]!
      }
      if (gain > chosenGain) {
        chosen = person
        chosenGain = gain
      }
    }
    assignment[seat] = chosen
    left.delete(chosen)
  }
  return assignment
}

/** Every possible arrangement, for checking the planner on small gatherings (up to 8 guests). */
export function bruteForceSeating(problem: SeatingProblem): {
  assignment: Assignment
  score: number
} {
  const { layout } = problem
  const assignment: Assignment = new Array<number>(layout.seats.length).fill(EMPTY)
  assignment[layout.hostSeat] = 0
  let best: Assignment = []
  let bestScore = -Infinity
  const place = (person: number) => {
    if (person === problem.people.length) {
      const score = scoreAssignment(problem, assignment)
      if (score > bestScore) {
        bestScore = score
        best = [...assignment]
      }
      return
    }
    for (let seat = 0; seat < assignment.length; seat++) {
      if (assignment[seat] !== EMPTY) continue
      assignment[seat] = person
      place(person + 1)
      assignment[seat] = EMPTY
    }
  }
  place(1)
  return { assignment: best, score: bestScore }
}
