import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../bench/generateStore'
import { bruteForceSeating, greedySeating } from '../support/seatingBaselines'
import { seatingLayout } from '../../src/main/core/communities/seatingLayout'
import { planSeating } from '../../src/main/core/communities/seatingPlanner'
import {
  CONSTRAINT_PENALTY,
  EMPTY,
  scoreAssignment,
  type SeatingProblem,
} from '../../src/main/core/communities/seatingScore'
import type { GatheringTable } from '../../src/shared/model'

/** Random guests: each knows some others and shares a few of eight interests with some. */
function generated(guests: number, tables: GatheringTable[], seed: number): SeatingProblem {
  const random = mulberry32(seed)
  const people = ['me', ...Array.from({ length: guests }, (_, i) => `g${i + 1}`)]
  const interests = people.map(() => new Set([0, 1, 2].map(() => Math.floor(random() * 8))))
  const value = people.map(() => people.map(() => 0))
  for (let i = 1; i < people.length; i++) {
    for (let j = i + 1; j < people.length; j++) {
      const known = random() < 0.3
      const shared = [...interests[i]!].filter((x) => interests[j]!.has(x)).length
      value[i]![j] = value[j]![i] = known ? 0 : 2 + Math.min(3, shared)
    }
    value[0]![i] = value[i]![0] = 1
  }
  return { layout: seatingLayout(tables), people, value, together: [], apart: [] }
}

describe('seating layout', () => {
  it('joins side neighbours and the seat across at a long table, and puts me in the middle', () => {
    const layout = seatingLayout([{ shape: 'long', seatsPerSide: 4 }])
    expect(layout.seats).toHaveLength(8)
    const pairs = layout.edges.map((e) => `${e.a + 1}-${e.b + 1}:${e.kind}`)
    expect(pairs).toContain('1-2:side')
    expect(pairs).toContain('1-5:across')
    expect(pairs).toContain('6-7:side')
    expect(pairs).not.toContain('4-5:side') // the ends of the two sides are not neighbours
    expect(layout.seats[layout.hostSeat]).toEqual({ table: 1, seat: 2 })
  })

  it('closes a round table into a circle with no one across', () => {
    const layout = seatingLayout([
      { shape: 'round', seats: 5 },
      { shape: 'long', seatsPerSide: 5 },
    ])
    expect(layout.edges.filter((e) => e.a < 5)).toHaveLength(5)
    expect(layout.edges.some((e) => e.a + e.b === 4 && Math.abs(e.a - e.b) === 4)).toBe(true)
    // The host sits at the longest table (the long one, 10 seats), in the middle of a side.
    expect(layout.seats[layout.hostSeat]).toEqual({ table: 2, seat: 3 })
  })
})

describe('seating objective', () => {
  const problem = generated(3, [{ shape: 'long', seatsPerSide: 2 }], 7)

  it('adds the value of every neighbouring pair, side and across', () => {
    // seats 1,2 | 3,4 ; 1-2, 3-4 side; 1-3, 2-4 across
    const assignment = [0, 1, 2, 3]
    const v = problem.value
    expect(scoreAssignment(problem, assignment)).toBe(v[0]![1]! + v[2]![3]! + v[0]![2]! + v[1]![3]!)
  })

  it('counts nothing for empty seats', () => {
    expect(scoreAssignment(problem, [0, EMPTY, EMPTY, EMPTY])).toBe(0)
  })

  it('penalises a broken "together" or "apart"', () => {
    const base = scoreAssignment(problem, [0, 1, 2, 3])
    // 1 and 2 are not neighbours (1 is at seat 2, 2 at seat 3: diagonal).
    expect(scoreAssignment({ ...problem, together: [[1, 2]] }, [0, 1, 2, 3])).toBe(
      base - CONSTRAINT_PENALTY,
    )
    // 1 and 3 face each other.
    expect(scoreAssignment({ ...problem, apart: [[1, 3]] }, [0, 1, 2, 3])).toBe(
      base - CONSTRAINT_PENALTY,
    )
    expect(scoreAssignment({ ...problem, apart: [[1, 2]] }, [0, 1, 2, 3])).toBe(base)
  })
})

describe('seating planner', () => {
  it.each([3, 5, 6, 7, 8])(
    'finds the best arrangement for %i guests (checked by brute force)',
    (guests) => {
      for (const seed of [1, 2, 3]) {
        const tables: GatheringTable[] = [
          { shape: 'long', seatsPerSide: Math.ceil((guests + 1) / 2) },
        ]
        const problem = generated(guests, tables, seed * 100 + guests)
        const best = bruteForceSeating(problem)
        const plan = planSeating(problem, { seed: 1 })
        expect(plan.score, `seed ${seed}`).toBe(best.score)
        expect(scoreAssignment(problem, plan.assignment)).toBe(plan.score)
      }
    },
  )

  it('keeps "together" and "apart" when it can, for 8 guests', () => {
    const problem = generated(8, [{ shape: 'long', seatsPerSide: 5 }], 42)
    const constrained = {
      ...problem,
      together: [[1, 2]] as [number, number][],
      apart: [[3, 4]] as [number, number][],
    }
    const best = bruteForceSeating(constrained)
    const plan = planSeating(constrained, { seed: 3 })
    expect(plan.score).toBe(best.score)
    expect(plan.score).toBeGreaterThan(0)
  })

  it('beats the greedy baseline for 15 guests on generated gatherings', () => {
    let planTotal = 0
    let greedyTotal = 0
    for (let seed = 1; seed <= 8; seed++) {
      const tables: GatheringTable[] =
        seed % 2 === 0
          ? [{ shape: 'long', seatsPerSide: 8 }]
          : [
              { shape: 'long', seatsPerSide: 4 },
              { shape: 'long', seatsPerSide: 4 },
            ]
      const problem = generated(15, tables, seed)
      const plan = planSeating(problem, { seed })
      const greedy = scoreAssignment(problem, greedySeating(problem))
      expect(plan.score, `seed ${seed}`).toBeGreaterThanOrEqual(greedy)
      planTotal += plan.score
      greedyTotal += greedy
    }
    expect(planTotal).toBeGreaterThan(greedyTotal)
  })

  it('gives the same plan for the same seed and seats everyone once, the host in the middle', () => {
    const problem = generated(15, [{ shape: 'long', seatsPerSide: 8 }], 5)
    const a = planSeating(problem, { seed: 9 })
    const b = planSeating(problem, { seed: 9 })
    expect(a.assignment).toEqual(b.assignment)
    const seated = a.assignment.filter((p) => p !== EMPTY).sort((x, y) => x - y)
    expect(seated).toEqual(problem.people.map((_, i) => i))
    expect(a.assignment[problem.layout.hostSeat]).toBe(0)
  })

  it('stops at its evaluation budget', () => {
    const problem = generated(15, [{ shape: 'long', seatsPerSide: 8 }], 6)
    expect(planSeating(problem, { maxEvaluations: 500 }).evaluations).toBeLessThanOrEqual(500 + 200)
  })

  it('seats me alone, or one guest beside me, without searching further', () => {
    const alone = generated(0, [{ shape: 'long', seatsPerSide: 8 }], 1)
    expect(planSeating(alone).assignment.filter((p) => p !== EMPTY)).toEqual([0])
    const pair = generated(1, [{ shape: 'long', seatsPerSide: 8 }], 1)
    expect(planSeating(pair).score).toBe(1)
  })
})
