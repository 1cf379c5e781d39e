import type { Handlers } from '../../../shared/contract'
import { RapportError } from '../../../shared/errors'
import type { eventOperations } from '../../../shared/events/eventOperations'
import type { CoreContext } from '../handlers'
import { createEventService } from './eventService'
import { createRemovalService } from '../undo/removalService'
import type { JournaledStore } from '../store/journaledStore'

/** Answers the events workflow's operations. */
export function createEventHandlers(
  store: JournaledStore,
  context: CoreContext,
): Pick<Handlers, keyof typeof eventOperations> {
  const events = createEventService(store, context.clock)
  const removals = createRemovalService(store)
  return {
    'events.removePerson': (input) => events.removePerson(input),
    'events.restorePerson': (input) => events.restorePerson(input),
    'events.delete': (input) => removals.deleteEvent(input),
    'events.restore': (input) => removals.restoreEvent(input),
    'events.list': () => events.list(),
    'events.names': () =>
      [...store.read().events]
        .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt))
        .map(({ id, name }) => ({ id, name })),
    'events.get': (input) => events.get(input),
    'events.create': (input) => events.create(input),
    'events.update': (input) => events.update(input),
    'events.importPeople': (input) => events.importPeople(input),
    'events.promotePerson': (input) => events.promotePerson(input),
    'events.setTargets': (input) => events.setTargets(input),
    'events.checklist': (input) => events.checklist(input),
    'events.capture': (input) => events.capture(input),
    'events.targetsOf': (input) => events.targetsOf(input),
    'events.draft': (input) => events.draft(input),
    // The desktop glue replaces this with printToPDF (see src/main/electron/dossierPdf.ts).
    'events.saveDossierPdf': () => {
      throw new RapportError('UNSUPPORTED', 'Saving a PDF file needs the desktop app', {})
    },
  }
}
