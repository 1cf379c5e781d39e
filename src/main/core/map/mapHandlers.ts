import type { Handlers } from '../../../shared/contract'
import type { mapOperations } from '../../../shared/map/mapOperations'
import type { CoreContext } from '../handlers'
import { createMapService } from './mapService'
import type { JournaledStore } from '../store/journaledStore'

/** Answers the relationship map's operations. */
export function createMapHandlers(
  store: JournaledStore,
  context: CoreContext,
): Pick<Handlers, keyof typeof mapOperations> {
  const map = createMapService(store, context.clock)
  return {
    'map.graph': () => map.graph(),
    'map.savePositions': (input) => map.savePositions(input),
    'map.clearPositions': () => map.clearPositions(),
    'map.suggestions': (input) => map.suggestions(input),
    'map.acceptIntroduction': (input) => map.acceptIntroduction(input),
    'map.path': (input) => map.path(input),
    'map.balance': () => map.balance(),
  }
}
