import type { Handlers } from '../../../shared/contract'
import type { mapOperations } from '../../../shared/map/mapOperations'
import type { CoreContext } from '../coreContext'
import { createMapService } from './mapService'
import type { JournaledStore } from '../store/journaledStore'

/** Answers the relationship map's operations; `stop` ends its background builds. */
export function createMapHandlers(
  store: JournaledStore,
  context: CoreContext,
): { handlers: Pick<Handlers, keyof typeof mapOperations>; stop: () => void } {
  const map = createMapService(store, context.clock, { warmUp: context.mapWarmUp ?? false })
  const handlers: Pick<Handlers, keyof typeof mapOperations> = {
    'map.graph': () => map.graph(),
    'map.savePositions': (input) => map.savePositions(input),
    'map.suggestions': (input) => map.suggestions(input),
    'map.acceptIntroduction': (input) => map.acceptIntroduction(input),
    'map.path': (input) => map.path(input),
    'map.balance': () => map.balance(),
  }
  return { handlers, stop: () => map.stop() }
}
