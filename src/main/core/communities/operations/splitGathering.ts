import type { ParsedInputOf } from '../../../../shared/contract'
import { gatheringSchema, ME_ID, type Gathering } from '../../../../shared/model'
import { nextTimestamp } from '../../clock'
import { createRecord } from '../../store/createRecord'
import { gatheringOr404, invalid, type CommunityDeps } from './communityRecords'

/**
 * Too many for one table: the second half of who is coming moves to a new gathering on
 * another date, with their constraints; seating, bill and outcomes start afresh there.
 */
export function splitIntoTwoDates(
  { store, clock }: CommunityDeps,
  { id, startsAt }: ParsedInputOf<'gatherings.splitIntoTwoDates'>,
): Promise<{ kept: Gathering; created: Gathering }> {
  return store.update((tx) => {
    const current = gatheringOr404(tx, id)
    const coming = current.attendees.filter((a) => a.rsvp !== 'no')
    if (coming.length < 2) throw invalid('attendees', 'fewer than two guests to split')
    const moving = new Set(coming.slice(Math.ceil(coming.length / 2)).map((a) => a.contactId))
    const stays = (personId: string) => !moving.has(personId)
    const moves = (personId: string) => moving.has(personId)
    const now = nextTimestamp(clock, current.updatedAt)
    const kept = gatheringSchema.parse({
      ...current,
      attendees: current.attendees.filter((a) => stays(a.contactId)),
      seating: current.seating.filter((s) => stays(s.personId)),
      constraints: current.constraints.filter((c) => stays(c.a) && stays(c.b)),
      updatedAt: now,
    })
    tx.put('gatherings', kept)
    const {
      id: _id,
      createdAt: _createdAt,
      updatedAt: _updatedAt,
      demo: _demo,
      ...copied
    } = current
    const created = createRecord(
      tx,
      clock,
      'gatherings',
      {
        ...copied,
        startsAt,
        attendees: current.attendees.filter((a) => moves(a.contactId)),
        seating: [],
        constraints: current.constraints.filter(
          (c) => (moves(c.a) || c.a === ME_ID) && (moves(c.b) || c.b === ME_ID),
        ),
        bill: { mode: current.bill.mode, items: [], settledIds: [] },
        outcomes: { connectedPairs: [], secondMeetings: [], notes: '' },
      },
      now,
    )
    return { kept, created }
  })
}
