import type { communityOperations } from '../../../shared/communities/communityOperations'
import type { Handlers } from '../../../shared/contract'
import type { CoreContext } from '../handlers'
import { createCommunityService } from './communityService'
import { createRemovalService } from '../undo/removalService'
import type { JournaledStore } from '../store/journaledStore'

/** Answers the communities' and gatherings' operations. */
export function createCommunityHandlers(
  store: JournaledStore,
  context: CoreContext,
): Pick<Handlers, keyof typeof communityOperations> {
  const language = () => {
    const preference = store.read().settings.language
    return preference === 'system' ? context.systemLanguage : preference
  }
  const communities = createCommunityService(store, context.clock, language)
  const removals = createRemovalService(store)
  return {
    'communities.delete': (input) => removals.deleteCommunity(input),
    'communities.restore': (input) => removals.restoreCommunity(input),
    'gatherings.delete': (input) => removals.deleteGathering(input),
    'gatherings.restore': (input) => removals.restoreGathering(input),
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
