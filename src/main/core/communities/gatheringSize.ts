import type { Gathering } from '../../../shared/model'
import { totalSeats } from './seatingLayout'

/**
 * The method's limit: beyond 15 people at the table, the host included, people stop having
 * one-to-one conversations.
 */
export const MAX_PEOPLE = 15

export type SizeNote =
  | { kind: 'tooMany'; people: number }
  | { kind: 'singleRoundTable' }
  | { kind: 'notEnoughSeats'; people: number; seats: number }

/** What to tell the host about the size and the tables, before anyone sits down. */
export function sizeNotes(gathering: Gathering): SizeNote[] {
  const guests = gathering.attendees.filter((a) => a.rsvp !== 'no').length
  const notes: SizeNote[] = []
  if (guests + 1 > MAX_PEOPLE) notes.push({ kind: 'tooMany', people: guests + 1 })
  const only = gathering.tables.length === 1 ? gathering.tables[0] : undefined
  if (only?.shape === 'round') notes.push({ kind: 'singleRoundTable' })
  const seats = totalSeats(gathering.tables)
  if (guests + 1 > seats) notes.push({ kind: 'notEnoughSeats', people: guests + 1, seats })
  return notes
}

/**
 * Successful gatherings make new connections: the share of guests who came and made at least
 * one. Null before the gathering, or with no one who said yes.
 */
export function connectionShare(gathering: Gathering, now: Date): number | null {
  if (Date.parse(gathering.startsAt) > now.getTime()) return null
  const guests = gathering.attendees.filter((a) => a.rsvp === 'yes').map((a) => a.contactId)
  if (guests.length === 0) return null
  const connected = new Set(gathering.outcomes.connectedPairs.flat())
  return guests.filter((id) => connected.has(id)).length / guests.length
}
