import type { GatheringView } from '../../../../shared/communities/communityOperations'
import type { ParsedInputOf } from '../../../../shared/contract'
import { ME_ID, type Gathering, type StoreData } from '../../../../shared/model'
import { newId } from '../../clock'
import type { StoreTransaction } from '../../store/dataStore'
import { createRecord } from '../../store/createRecord'
import { assertFreshEdit } from '../../store/freshEdit'
import {
  communityOr404,
  invalid,
  noDuplicates,
  requireContacts,
  requireTimeZone,
  type CommunityDeps,
} from './communityRecords'
import { changeGathering } from './gatheringView'

type GatheringPatch = ParsedInputOf<'gatherings.update'>['patch']

/** Everything the gathering names must exist, and bill and constraints only name people there. */
function checkGatheringRefs(tx: StoreTransaction, input: GatheringPatch, attendeeIds: string[]) {
  if (input.communityId) communityOr404(tx, input.communityId)
  if (input.timeZone) requireTimeZone(input.timeZone)
  if (input.attendees) {
    const ids = input.attendees.map((a) => a.contactId)
    noDuplicates(ids, 'attendees')
    requireContacts(tx, ids, 'attendees')
  }
  const present = new Set([ME_ID, ...attendeeIds])
  if (input.bill) {
    const people = [
      ...(input.bill.payerId ? [input.bill.payerId] : []),
      ...(input.bill.settledIds ?? []),
      ...(input.bill.items ?? []).flatMap((item) => item.owedBy),
    ]
    for (const id of people)
      if (!present.has(id)) throw invalid('bill', `${id} is not at this gathering`)
  }
  for (const [i, c] of (input.constraints ?? []).entries()) {
    if (c.a === c.b) throw invalid(`constraints.${i}`, 'a pair needs two different people')
    if (!present.has(c.a) || !present.has(c.b))
      throw invalid(`constraints.${i}`, 'both people must be at this gathering')
  }
}

const billFrom = (bill: NonNullable<GatheringPatch['bill']>) => ({
  ...bill,
  items: (bill.items ?? []).map((item) => ({ ...item, id: item.id ?? newId() })),
  settledIds: bill.settledIds ?? [],
})

/** Optional fields: null clears, undefined leaves as is. */
const cleared = <T>(value: T | null | undefined, current: T | undefined): T | undefined =>
  value === null ? undefined : value === undefined ? current : value

export function listGatherings({ store }: Pick<CommunityDeps, 'store'>): StoreData['gatherings'] {
  return store.read().gatherings
}

/** A new gathering; with `inviteMembers`, every member of its community is invited. */
export function createGathering(
  { store, clock }: CommunityDeps,
  input: ParsedInputOf<'gatherings.create'>,
): Promise<Gathering> {
  return store.update((tx) => {
    const { inviteMembers, communityId, budgetPerPerson, currency, bill, ...rest } = input
    const attendees = [...(input.attendees ?? [])]
    if (inviteMembers) {
      if (!communityId) throw invalid('inviteMembers', 'needs a community')
      const given = new Set(attendees.map((a) => a.contactId))
      for (const m of communityOr404(tx, communityId).members)
        if (!given.has(m.contactId)) attendees.push({ contactId: m.contactId, rsvp: 'invited' })
    }
    checkGatheringRefs(
      tx,
      { ...input, attendees },
      attendees.map((a) => a.contactId),
    )
    return createRecord(tx, clock, 'gatherings', {
      ...rest,
      attendees,
      ...(communityId ? { communityId } : {}),
      ...(budgetPerPerson != null ? { budgetPerPerson } : {}),
      ...(currency ? { currency } : {}),
      ...(bill ? { bill: billFrom(bill) } : {}),
    })
  })
}

/** Edits the gathering: details, guests and their RSVPs, bill, constraints. */
export function updateGathering(
  deps: CommunityDeps,
  { id, patch, expectedUpdatedAt, base }: ParsedInputOf<'gatherings.update'>,
): Promise<GatheringView> {
  return changeGathering(deps, id, (tx, current) => {
    assertFreshEdit({ kind: 'gathering', id, current, patch, expectedUpdatedAt, base })
    const attendees = patch.attendees ?? current.attendees
    checkGatheringRefs(
      tx,
      patch,
      attendees.map((a) => a.contactId),
    )
    const { communityId, budgetPerPerson, currency, bill, ...rest } = patch
    // Someone who declines (or is taken off the list) gives their seat back at once, so
    // the plan never shows a chair for a person who is not coming.
    const seated = new Set(
      attendees
        .filter((a) => a.rsvp !== 'no')
        .map((a) => a.contactId)
        .concat(ME_ID),
    )
    const seating = current.seating.filter((s) => seated.has(s.personId))
    return {
      ...rest,
      seating,
      communityId: cleared(communityId, current.communityId),
      budgetPerPerson: cleared(budgetPerPerson, current.budgetPerPerson),
      currency: cleared(currency, current.currency),
      ...(bill ? { bill: billFrom(bill) } : {}),
    }
  })
}
