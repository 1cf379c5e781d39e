import { ME_ID, type Bill } from '../../../shared/model'

export interface BillShare {
  personId: string
  /** Their part of the bill, in minor units. */
  shareCents: number
  /** What they still owe the payer: 0 for the payer, for who paid their own, or once settled. */
  owesCents: number
  settled: boolean
}

export interface BillSplit {
  mode: Bill['mode']
  /** What the shares add up to. */
  totalCents: number
  shares: BillShare[]
  /** Itemised bills: items minus the stated total (0 when they agree or no total is given). */
  unaccountedCents: number
}

/**
 * `amount` in `parts` whole cents that add up exactly: everyone gets the floor, and the cents
 * left over go one each to the first people in order, so no one pays more than a cent extra.
 */
export function splitEvenly(amount: number, parts: number): number[] {
  if (parts <= 0) return []
  const base = Math.floor(amount / parts)
  const extra = amount - base * parts
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0))
}

/**
 * Who owes what. `people` are those at the dinner (me first); "own" owes nothing, "equal"
 * divides the total among them (nothing yet while no total is entered), "itemised" divides
 * each item among the people it names.
 */
export function splitBill(bill: Bill, people: string[]): BillSplit {
  const payer = bill.payerId ?? ME_ID
  const shares = new Map<string, number>()
  if (bill.mode === 'equal' && bill.totalCents !== undefined) {
    const parts = splitEvenly(bill.totalCents, people.length)
    people.forEach((id, i) => shares.set(id, parts[i]!))
  } else if (bill.mode === 'itemised') {
    for (const item of bill.items) {
      const parts = splitEvenly(item.amountCents, item.owedBy.length)
      item.owedBy.forEach((id, i) => shares.set(id, (shares.get(id) ?? 0) + parts[i]!))
    }
  }
  const settled = new Set(bill.settledIds)
  const list: BillShare[] = [...shares].map(([personId, shareCents]) => {
    const isSettled = settled.has(personId)
    return {
      personId,
      shareCents,
      owesCents: personId === payer || isSettled ? 0 : shareCents,
      settled: isSettled,
    }
  })
  const totalCents = list.reduce((sum, s) => sum + s.shareCents, 0)
  const unaccountedCents =
    bill.mode === 'itemised' && bill.totalCents !== undefined ? totalCents - bill.totalCents : 0
  return { mode: bill.mode, totalCents, shares: list, unaccountedCents }
}
