import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { splitBill, splitEvenly } from '../../src/main/core/communities/billSplit'
import { billSchema, ME_ID } from '../../src/shared/model'

const people = [ME_ID, 'a', 'b']

describe('bill split', () => {
  it('splits 100.00 three ways to the cent: 33.34, 33.33, 33.33', () => {
    const split = splitBill(billSchema.parse({ mode: 'equal', totalCents: 10_000 }), people)
    expect(split.shares.map((s) => s.shareCents)).toEqual([3334, 3333, 3333])
    expect(split.totalCents).toBe(10_000)
  })

  it('has the payer owe nothing and the others owe their share until they settle', () => {
    const split = splitBill(
      billSchema.parse({ mode: 'equal', totalCents: 9000, payerId: 'a', settledIds: ['b'] }),
      people,
    )
    expect(split.shares).toEqual([
      { personId: ME_ID, shareCents: 3000, owesCents: 3000, settled: false },
      { personId: 'a', shareCents: 3000, owesCents: 0, settled: false },
      { personId: 'b', shareCents: 3000, owesCents: 0, settled: true },
    ])
  })

  it('shares each item among the people it names and flags a mismatch with the total', () => {
    const split = splitBill(
      billSchema.parse({
        mode: 'itemised',
        totalCents: 5000,
        items: [
          { id: '1', label: 'wine', amountCents: 1001, owedBy: ['a', 'b'] },
          { id: '2', label: 'noodles', amountCents: 2500, owedBy: [ME_ID] },
        ],
      }),
      people,
    )
    expect(Object.fromEntries(split.shares.map((s) => [s.personId, s.shareCents]))).toEqual({
      a: 501,
      b: 500,
      [ME_ID]: 2500,
    })
    expect(split.totalCents).toBe(3501)
    expect(split.unaccountedCents).toBe(3501 - 5000)
  })

  it('asks nothing of anyone when everyone pays their own, or before the total is known', () => {
    expect(splitBill(billSchema.parse({ totalCents: 9000 }), people).shares).toEqual([])
    expect(splitBill(billSchema.parse({ mode: 'equal' }), people).shares).toEqual([])
  })

  it('always adds up to the bill, with shares at most a cent apart', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 1, max: 16 }),
        (total, n) => {
          const parts = splitEvenly(total, n)
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total)
          expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1)
          expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true)
        },
      ),
    )
  })

  it('adds itemised shares up to the sum of the items', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            amountCents: fc.integer({ min: 0, max: 1_000_000 }),
            owedBy: fc.subarray(['me', 'a', 'b', 'c', 'd'], { minLength: 1 }),
          }),
          { maxLength: 20 },
        ),
        (items) => {
          const bill = billSchema.parse({
            mode: 'itemised',
            items: items.map((item, i) => ({ ...item, id: `i${i}` })),
          })
          const split = splitBill(bill, people)
          expect(split.totalCents).toBe(items.reduce((sum, item) => sum + item.amountCents, 0))
        },
      ),
    )
  })
})
