import type { Handlers } from '../../../shared/contract'
import { RapportError } from '../../../shared/errors'
import type { eventOperations } from '../../../shared/events/eventOperations'
import type { CoreContext } from '../coreContext'
import { createEventService } from './eventService'
import { createRemovalService } from '../undo/removalService'
import { undoable, type UndoLedger } from '../undo/undoLedger'
import type { JournaledStore } from '../store/journaledStore'

/** Answers the events workflow's operations. */
export function createEventHandlers(
  store: JournaledStore,
  context: CoreContext,
  undo: UndoLedger,
): Pick<Handlers, keyof typeof eventOperations> {
  const events = createEventService(store, context.clock)
  const removals = createRemovalService(store)
  const person = undoable(
    undo,
    'eventPerson',
    events.removePerson,
    events.restorePerson,
    (removed) => ({ person: removed.person }),
  )
  const event = undoable(undo, 'event', removals.deleteEvent, removals.restoreEvent, (removed) => ({
    name: removed.event.name,
  }))
  return {
    'events.removePerson': person.remove,
    'events.restorePerson': person.restore,
    'events.delete': event.remove,
    'events.restore': event.restore,
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
