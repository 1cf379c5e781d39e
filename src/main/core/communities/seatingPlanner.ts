import { seededRandom } from '../../../shared/seededRandom'
import { EMPTY, scoreAssignment, type Assignment, type SeatingProblem } from './seatingScore'

export interface PlanOptions {
  seed?: number
  /** Scored arrangements before stopping: what makes the result the same on any machine. */
  maxEvaluations?: number
  /** A safety cap on wall time for very slow machines; normal runs stop on evaluations. */
  timeCapMs?: number
  now?: () => number
}

export interface SeatingPlan {
  assignment: Assignment
  score: number
  evaluations: number
}

/** Host at the host seat, everyone else shuffled over the remaining seats. */
function randomStart(problem: SeatingProblem, random: () => number): Assignment {
  const free = problem.layout.seats.map((_, i) => i).filter((i) => i !== problem.layout.hostSeat)
  for (let i = free.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[free[i], free[j]] = [free[j]!, free[i]!]
  }
  const assignment: Assignment = new Array<number>(problem.layout.seats.length).fill(EMPTY)
  assignment[problem.layout.hostSeat] = 0
  for (let person = 1; person < problem.people.length; person++)
    assignment[free[person - 1]!] = person
  return assignment
}

/**
 * Local search over seat swaps: climb by first-improving swaps until none helps, then kick the
 * plan with a few random swaps and climb again (iterated local search), restarting from a fresh
 * shuffle now and then. Deterministic for a given seed and evaluation budget.
 */
export function planSeating(problem: SeatingProblem, options: PlanOptions = {}): SeatingPlan {
  const seats = problem.layout.seats.length
  if (problem.people.length > seats) {
    throw new Error(`${problem.people.length} people do not fit ${seats} seats`)
  }
  const random = seededRandom(options.seed ?? 1)
  const maxEvaluations = options.maxEvaluations ?? 300_000
  const now = options.now ?? Date.now
  const deadline = now() + (options.timeCapMs ?? 2000)
  const movable = problem.layout.seats.map((_, i) => i).filter((i) => i !== problem.layout.hostSeat)
  let evaluations = 0
  const spent = () =>
    evaluations >= maxEvaluations || (evaluations % 1024 === 0 && now() > deadline)

  // Every scored arrangement counts, restarts included, so the budget always ends the search.
  const evaluate = (assignment: Assignment) => {
    evaluations++
    return scoreAssignment(problem, assignment)
  }

  const climb = (assignment: Assignment, start: number): number => {
    let score = start
    let improved = true
    while (improved && !spent()) {
      improved = false
      for (let x = 0; x < movable.length && !spent(); x++) {
        for (let y = x + 1; y < movable.length; y++) {
          const i = movable[x]!
          const j = movable[y]!
          if (assignment[i] === EMPTY && assignment[j] === EMPTY) continue
          ;[assignment[i], assignment[j]] = [assignment[j]!, assignment[i]!]
          const next = evaluate(assignment)
          if (next > score) {
            score = next
            improved = true
          } else {
            ;[assignment[i], assignment[j]] = [assignment[j]!, assignment[i]!]
          }
        }
      }
    }
    return score
  }

  let best: Assignment = randomStart(problem, random)
  let bestScore = climb(best, evaluate(best))
  // With no guest, or one, there is nothing worth searching for beyond the first climb.
  if (problem.people.length <= 2) return { assignment: best, score: bestScore, evaluations }
  const kicksPerRestart = 20
  while (!spent() && movable.length > 1) {
    let current = randomStart(problem, random)
    let currentScore = climb(current, evaluate(current))
    for (let kick = 0; kick < kicksPerRestart && !spent(); kick++) {
      const trial = [...current]
      for (let k = 0; k < 3; k++) {
        const i = movable[Math.floor(random() * movable.length)]!
        const j = movable[Math.floor(random() * movable.length)]!
        ;[trial[i], trial[j]] = [trial[j]!, trial[i]!]
      }
      const trialScore = climb(trial, evaluate(trial))
      if (trialScore >= currentScore) {
        current = trial
        currentScore = trialScore
      }
    }
    if (currentScore > bestScore) {
      best = current
      bestScore = currentScore
    }
  }
  return { assignment: best, score: bestScore, evaluations }
}
