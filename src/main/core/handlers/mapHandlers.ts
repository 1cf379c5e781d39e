import type { Handlers } from '../../../shared/contract'
import type { mapOperations } from '../../../shared/mapOperations'
import type { CoreContext } from '../handlers'
import type { JournaledStore } from '../store/journaledStore'

/** Answers the relationship map's operations. */
export function createMapHandlers(
  _store: JournaledStore,
  _context: CoreContext,
): Pick<Handlers, keyof typeof mapOperations> {
  return {}
}
