import type { ParsedInputOf } from '../../../../shared/contract'
import { communitySchema, type Community } from '../../../../shared/model'
import { newId, nextTimestamp } from '../../clock'
import { notFound } from '../../contacts/contactService'
import {
  communityOr404,
  noDuplicates,
  requireContacts,
  type CommunityDeps,
} from './communityRecords'

/** Adds something the community did (a talk, a trip, …) to its log, latest first. */
export function logActivity(
  { store, clock }: CommunityDeps,
  input: ParsedInputOf<'communities.logActivity'>,
): Promise<Community> {
  return store.update((tx) => {
    const current = communityOr404(tx, input.communityId)
    const participantIds = input.participantIds ?? []
    noDuplicates(participantIds, 'participantIds')
    requireContacts(tx, participantIds, 'participantIds')
    const now = nextTimestamp(clock, current.updatedAt)
    const activity = {
      id: newId(),
      at: input.at ?? now,
      kind: input.kind,
      title: input.title,
      participantIds,
      note: input.note ?? '',
    }
    const activities = [...current.activities, activity].sort(
      (a, b) => Date.parse(b.at) - Date.parse(a.at),
    )
    const next = communitySchema.parse({ ...current, activities, updatedAt: now })
    tx.put('communities', next)
    return next
  })
}

export function removeActivity(
  { store, clock }: CommunityDeps,
  { communityId, activityId }: ParsedInputOf<'communities.removeActivity'>,
): Promise<Community> {
  return store.update((tx) => {
    const current = communityOr404(tx, communityId)
    if (!current.activities.some((a) => a.id === activityId)) throw notFound('activity', activityId)
    const next = communitySchema.parse({
      ...current,
      activities: current.activities.filter((a) => a.id !== activityId),
      updatedAt: nextTimestamp(clock, current.updatedAt),
    })
    tx.put('communities', next)
    return next
  })
}
