import type { communityOperations } from '../../../shared/communityOperations'
import type { Handlers } from '../../../shared/contract'
import type { CoreContext } from '../handlers'
import type { JournaledStore } from '../store/journaledStore'

/** Answers the communities' and gatherings' operations. */
export function createCommunityHandlers(
  store: JournaledStore,
  _context: CoreContext,
): Pick<Handlers, keyof typeof communityOperations> {
  return {
    'communities.list': () => store.read().communities,
    'gatherings.list': () => store.read().gatherings,
  }
}
