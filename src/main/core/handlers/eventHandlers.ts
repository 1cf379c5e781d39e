import type { Handlers } from '../../../shared/contract'
import type { eventOperations } from '../../../shared/eventOperations'
import type { CoreContext } from '../handlers'
import type { JournaledStore } from '../store/journaledStore'

/** Answers the events workflow's operations. */
export function createEventHandlers(
  store: JournaledStore,
  _context: CoreContext,
): Pick<Handlers, keyof typeof eventOperations> {
  return {
    'events.list': () =>
      [...store.read().events].sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt)),
  }
}
