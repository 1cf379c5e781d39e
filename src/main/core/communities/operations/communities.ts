import type {
  CommunitySummary,
  CommunityView,
} from '../../../../shared/communities/communityOperations'
import type { ParsedInputOf } from '../../../../shared/contract'
import { communitySchema, type Community, type StoreData } from '../../../../shared/model'
import { nextTimestamp } from '../../clock'
import { createRecord } from '../../store/createRecord'
import { assertFreshEdit } from '../../store/freshEdit'
import { communityHealth, overallStatus } from '../communityHealth'
import {
  communityOr404,
  namesOf,
  noDuplicates,
  requireContacts,
  type CommunityDeps,
} from './communityRecords'

function summaryOf(data: Readonly<StoreData>, community: Community, now: Date): CommunitySummary {
  const health = communityHealth(community, data.gatherings, now)
  return {
    community,
    health,
    overall: overallStatus(health),
    gatherings: data.gatherings.filter((g) => g.communityId === community.id).length,
  }
}

export function listCommunities({ store }: Pick<CommunityDeps, 'store'>): StoreData['communities'] {
  return store.read().communities
}

export function communityNames({ store }: Pick<CommunityDeps, 'store'>) {
  return store.read().communities.map(({ id, name }) => ({ id, name }))
}

/** Every community with its health check: the ones I run first, then by name. */
export function communitySummaries(
  { store, clock }: CommunityDeps,
  { now }: ParsedInputOf<'communities.summaries'>,
): CommunitySummary[] {
  const at = now ? new Date(now) : clock.now()
  const data = store.read()
  const runs = (c: Community) => (c.role === 'member' ? 1 : 0)
  return data.communities
    .map((c) => summaryOf(data, c, at))
    .sort(
      (a, b) =>
        runs(a.community) - runs(b.community) || a.community.name.localeCompare(b.community.name),
    )
}

/** One community's page: its health, its gatherings latest first, and the names it mentions. */
export function communityView(
  { store, clock }: CommunityDeps,
  { id, now }: ParsedInputOf<'communities.view'>,
): CommunityView {
  const data = store.read()
  const community = communityOr404(store, id)
  const ids = [
    ...community.members.map((m) => m.contactId),
    ...community.activities.flatMap((a) => a.participantIds),
  ]
  return {
    ...summaryOf(data, community, now ? new Date(now) : clock.now()),
    gatheringList: data.gatherings
      .filter((g) => g.communityId === id)
      .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt)),
    names: namesOf(store, ids),
  }
}

export function createCommunity(
  { store, clock }: CommunityDeps,
  input: ParsedInputOf<'communities.create'>,
): Promise<Community> {
  return store.update((tx) => {
    const memberIds = (input.members ?? []).map((m) => m.contactId)
    noDuplicates(memberIds, 'members')
    requireContacts(tx, memberIds, 'members')
    return createRecord(tx, clock, 'communities', input)
  })
}

export function updateCommunity(
  { store, clock }: CommunityDeps,
  { id, patch, expectedUpdatedAt, base }: ParsedInputOf<'communities.update'>,
): Promise<Community> {
  return store.update((tx) => {
    const current = communityOr404(tx, id)
    assertFreshEdit({ kind: 'community', id, current, patch, expectedUpdatedAt, base })
    if (patch.members) {
      const ids = patch.members.map((m) => m.contactId)
      noDuplicates(ids, 'members')
      requireContacts(tx, ids, 'members')
    }
    const now = nextTimestamp(clock, current.updatedAt)
    const next = communitySchema.parse({ ...current, ...patch, updatedAt: now })
    tx.put('communities', next)
    return next
  })
}
