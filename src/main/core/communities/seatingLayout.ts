import type { GatheringTable } from '../../../shared/model'

/** One seat: `table` is 1-based into the gathering's tables, `seat` 1-based at that table. */
export interface SeatRef {
  table: number
  seat: number
}

/** Two seats whose people talk easily: side by side, or facing each other at a long table. */
export interface SeatEdge {
  a: number
  b: number
  kind: 'side' | 'across'
}

export interface SeatingLayout {
  seats: SeatRef[]
  edges: SeatEdge[]
  /** The seat kept for me, the host: the middle of the longest table. */
  hostSeat: number
}

export const seatKey = (s: SeatRef): string => `${s.table}:${s.seat}`

function capacity(table: GatheringTable): number {
  return table.shape === 'long' ? table.seatsPerSide * 2 : table.seats
}

/**
 * The seats of all tables and who sits next to whom. A long table of n per side has seats 1..n
 * on one side and n+1..2n on the other, seat i facing n+i; a round table's neighbours run in a
 * circle and nobody counts as "across" (it is too far to talk over).
 */
export function seatingLayout(tables: GatheringTable[]): SeatingLayout {
  const seats: SeatRef[] = []
  const edges: SeatEdge[] = []
  tables.forEach((table, t) => {
    const first = seats.length
    const at = (seat: number) => first + seat - 1
    const n = capacity(table)
    for (let seat = 1; seat <= n; seat++) seats.push({ table: t + 1, seat })
    if (table.shape === 'long') {
      const side = table.seatsPerSide
      for (let i = 1; i <= side; i++) {
        if (i < side) {
          edges.push({ a: at(i), b: at(i + 1), kind: 'side' })
          edges.push({ a: at(side + i), b: at(side + i + 1), kind: 'side' })
        }
        edges.push({ a: at(i), b: at(side + i), kind: 'across' })
      }
    } else {
      for (let i = 1; i <= n; i++) {
        const next = i === n ? 1 : i + 1
        // Two seats would otherwise be joined twice.
        if (n > 2 || i === 1) edges.push({ a: at(i), b: at(next), kind: 'side' })
      }
    }
  })
  let longest = 0
  tables.forEach((table, t) => {
    if (capacity(table) > capacity(tables[longest]!)) longest = t
  })
  const table = tables[longest]
  let hostSeat = 0
  if (table) {
    const seatAtTable = table.shape === 'long' ? Math.ceil(table.seatsPerSide / 2) : 1
    hostSeat = seats.findIndex((s) => s.table === longest + 1 && s.seat === seatAtTable)
  }
  return { seats, edges, hostSeat }
}

export function totalSeats(tables: GatheringTable[]): number {
  return tables.reduce((sum, table) => sum + capacity(table), 0)
}
