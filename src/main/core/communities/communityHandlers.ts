import type { communityOperations } from '../../../shared/communities/communityOperations'
import type { Handlers } from '../../../shared/contract'
import type { Language } from '../../../shared/model'
import type { CoreContext } from '../coreContext'
import { createRemovalService } from '../undo/removalService'
import { undoable, type UndoLedger } from '../undo/undoLedger'
import type { JournaledStore } from '../store/journaledStore'
import { logActivity, removeActivity } from './operations/activities'
import {
  communityNames,
  communitySummaries,
  communityView,
  createCommunity,
  listCommunities,
  updateCommunity,
} from './operations/communities'
import type { WritingDeps } from './operations/communityRecords'
import { gatheringView } from './operations/gatheringView'
import { createGathering, listGatherings, updateGathering } from './operations/gatherings'
import { recordOutcomes } from './operations/outcomes'
import { planGatheringSeating, swapSeats } from './operations/seating'
import { splitIntoTwoDates } from './operations/splitGathering'

/** Answers the communities' and gatherings' operations: one line each, a module's function. */
export function createCommunityHandlers(
  store: JournaledStore,
  context: CoreContext,
  undo: UndoLedger,
  language: () => Language,
): Pick<Handlers, keyof typeof communityOperations> {
  const deps: WritingDeps = { store, clock: context.clock, language }
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
    'communities.list': () => listCommunities(deps),
    'communities.names': () => communityNames(deps),
    'communities.summaries': (input) => communitySummaries(deps, input),
    'communities.view': (input) => communityView(deps, input),
    'communities.create': (input) => createCommunity(deps, input),
    'communities.update': (input) => updateCommunity(deps, input),
    'communities.delete': community.remove,
    'communities.restore': community.restore,
    'communities.logActivity': (input) => logActivity(deps, input),
    'communities.removeActivity': (input) => removeActivity(deps, input),
    'gatherings.list': () => listGatherings(deps),
    'gatherings.view': (input) => gatheringView(deps, input),
    'gatherings.create': (input) => createGathering(deps, input),
    'gatherings.update': (input) => updateGathering(deps, input),
    'gatherings.splitIntoTwoDates': (input) => splitIntoTwoDates(deps, input),
    'gatherings.planSeating': (input) => planGatheringSeating(deps, input),
    'gatherings.swapSeats': (input) => swapSeats(deps, input),
    'gatherings.recordOutcomes': (input) => recordOutcomes(deps, input),
    'gatherings.delete': gathering.remove,
    'gatherings.restore': gathering.restore,
  }
}
