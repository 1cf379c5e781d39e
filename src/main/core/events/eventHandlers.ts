import type { Handlers } from '../../../shared/contract'
import { RapportError } from '../../../shared/errors'
import type { eventOperations } from '../../../shared/events/eventOperations'
import type { CoreContext } from '../coreContext'
import { createRemovalService } from '../undo/removalService'
import { undoable, type UndoLedger } from '../undo/undoLedger'
import type { JournaledStore } from '../store/journaledStore'
import { capture } from './operations/capture'
import { draftFollowUp } from './operations/draft'
import { createEvent, setChecklistItem, updateEvent } from './operations/editEvent'
import { promotePerson, removePerson, restorePerson } from './operations/eventPeople'
import type { EventDeps } from './operations/eventRecords'
import { eventView } from './operations/eventView'
import { importPeople } from './operations/importPeople'
import { eventNames, listEvents } from './operations/listEvents'
import { setTargets, targetsOf } from './operations/targets'

/** Answers the events workflow's operations: one line per operation, each a module's function. */
export function createEventHandlers(
  store: JournaledStore,
  context: CoreContext,
  undo: UndoLedger,
): Pick<Handlers, keyof typeof eventOperations> {
  const deps: EventDeps = { store, clock: context.clock }
  const removals = createRemovalService(store)
  const person = undoable(
    undo,
    'eventPerson',
    (input: Parameters<typeof removePerson>[1]) => removePerson(deps, input),
    (removed) => restorePerson(deps, removed),
    (removed) => ({ person: removed.person }),
  )
  const event = undoable(undo, 'event', removals.deleteEvent, removals.restoreEvent, (removed) => ({
    name: removed.event.name,
  }))
  return {
    'events.list': () => listEvents(deps),
    'events.names': () => eventNames(deps),
    'events.get': (input) => eventView(deps, input),
    'events.create': (input) => createEvent(deps, input),
    'events.update': (input) => updateEvent(deps, input),
    'events.checklist': (input) => setChecklistItem(deps, input),
    'events.importPeople': (input) => importPeople(deps, input),
    'events.removePerson': person.remove,
    'events.restorePerson': person.restore,
    'events.promotePerson': (input) => promotePerson(deps, input),
    'events.setTargets': (input) => setTargets(deps, input),
    'events.targetsOf': (input) => targetsOf(deps, input),
    'events.capture': (input) => capture(deps, input),
    'events.draft': (input) => draftFollowUp(deps, input),
    'events.delete': event.remove,
    'events.restore': event.restore,
    // The desktop glue replaces this with printToPDF (see src/main/electron/dossierPdf.ts).
    'events.saveDossierPdf': () => {
      throw new RapportError('UNSUPPORTED', 'Saving a PDF file needs the desktop app', {})
    },
  }
}
