import type { communityOperations } from '../../../shared/communities/communityOperations'
import type { Handlers } from '../../../shared/contract'
import type { Language } from '../../../shared/model'
import type { CoreContext } from '../coreContext'
import { createCommunityService } from './communityService'
import { createRemovalService } from '../undo/removalService'
import { undoable, type UndoLedger } from '../undo/undoLedger'
import type { JournaledStore } from '../store/journaledStore'

/** Answers the communities' and gatherings' operations. */
export function createCommunityHandlers(
  store: JournaledStore,
  context: CoreContext,
  undo: UndoLedger,
  language: () => Language,
): Pick<Handlers, keyof typeof communityOperations> {
  const communities = createCommunityService(store, context.clock, language)
  const removals = createRemovalService(store)
  const community = undoable(
    undo,
    'community',
    removals.deleteCommunity,
    removals.restoreCommunity,
    (removed) => ({ name: removed.community.name }),
  )
  const gathering = undoable(
    undo,
    'gathering',
    removals.deleteGathering,
    removals.restoreGathering,
    (removed) => ({ name: removed.gathering.title }),
  )
  return {
    'communities.delete': community.remove,
    'communities.restore': community.restore,
    'gatherings.delete': gathering.remove,
    'gatherings.restore': gathering.restore,
    'communities.list': () => store.read().communities,
    'communities.names': () => store.read().communities.map(({ id, name }) => ({ id, name })),
    'communities.summaries': (input) => communities.summaries(input),
    'communities.view': (input) => communities.view(input),
    'communities.create': (input) => communities.createCommunity(input),
    'communities.update': (input) => communities.updateCommunity(input),
    'communities.logActivity': (input) => communities.logActivity(input),
    'communities.removeActivity': (input) => communities.removeActivity(input),
    'gatherings.list': () => store.read().gatherings,
    'gatherings.view': (input) => communities.gatheringView(input),
    'gatherings.create': (input) => communities.createGathering(input),
    'gatherings.update': (input) => communities.updateGathering(input),
    'gatherings.splitIntoTwoDates': (input) => communities.splitIntoTwoDates(input),
    'gatherings.planSeating': (input) => communities.planSeating(input),
    'gatherings.swapSeats': (input) => communities.swapSeats(input),
    'gatherings.recordOutcomes': (input) => communities.recordOutcomes(input),
  }
}
