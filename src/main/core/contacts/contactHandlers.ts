import type { Handlers } from '../../../shared/contract'
import type { contactOperations } from '../../../shared/contacts/contactOperations'
import type { duplicateOperations } from '../../../shared/contacts/duplicateOperations'
import type { CoreContext } from '../coreContext'
import type { JournaledStore } from '../store/journaledStore'
import { undoable, type UndoLedger } from '../undo/undoLedger'
import { createContactService } from './contactService'
import { createContactViewService } from './contactViewService'
import { createDuplicateService } from './duplicateService'
import { createHistoryService } from './historyService'
import { applyMerge } from './merge'
import type { PhoneRegionOf } from './identity/phone'
import type { PhotoStore } from './photos/photoStore'

/** Answers the operations on contacts, their history, their photos and the review. */
export function createContactHandlers(
  store: JournaledStore,
  context: CoreContext,
  photos: PhotoStore,
  phoneRegion: PhoneRegionOf,
  undo: UndoLedger,
): Pick<Handlers, keyof typeof contactOperations | keyof typeof duplicateOperations> {
  const contacts = createContactService(store, context.clock)
  const views = createContactViewService(store, context.clock, phoneRegion)
  const history = createHistoryService(store, context.clock)
  const duplicates = createDuplicateService(store, context.clock)
  const removal = undoable(undo, 'contact', contacts.delete, contacts.restore, (removed) => ({
    name: removed.contact.name,
  }))
  const bulkMerge = undoable(
    undo,
    'mergeGroups',
    duplicates.mergeGroups,
    duplicates.undoMergeGroups,
    ({ groups, removed }) => ({ groups, removed }),
  )
  return {
    // Whole records for scripts and tests, found by the same search as the contacts list.
    'contacts.list': ({ query, includeArchived }) => {
      const ids = views.matchingIds({
        ...(query ? { text: query } : {}),
        ...(includeArchived ? { includeArchived } : {}),
      })
      return ids.map((id) => store.find('contacts', id)!)
    },
    'contacts.get': (input) => contacts.get(input),
    'contacts.create': (input) => contacts.create(input),
    'contacts.update': (input) => contacts.update(input),
    'contacts.bulkUpdate': (input) => contacts.bulkUpdate(input),
    'contacts.delete': removal.remove,
    'contacts.restore': removal.restore,
    'contacts.search': (input) => views.search(input),
    'contacts.matchingIds': (input) => views.matchingIds(input),
    'contacts.card': (input) => views.card(input),
    'contacts.duplicates': () => views.duplicates(),
    'contacts.merge': ({ keepId, removeId, choice }) =>
      store.update((tx) => applyMerge(tx, keepId, removeId, choice, context.clock).contact),
    'contacts.mergeGroups': bulkMerge.remove,
    'contacts.undoMergeGroups': bulkMerge.restore,
    'contacts.dismissDuplicates': (input) => duplicates.dismiss(input),
    'contacts.dismissedDuplicates': () => duplicates.dismissed(),
    'contacts.undismissDuplicates': (input) => duplicates.undismiss(input),
    'relationships.create': (input) => history.addRelationship(input),
    'relationships.delete': (input) => history.removeRelationship(input),
    'helps.create': (input) => history.addHelp(input),
    'helps.delete': (input) => history.removeHelp(input),
    'photos.save': async ({ data, thumbnail }) => {
      const saved = await photos.save(
        Buffer.from(data, 'base64'),
        thumbnail ? Buffer.from(thumbnail, 'base64') : undefined,
      )
      return { ref: saved.ref }
    },
    'photos.get': async ({ ref, variant }) => {
      const { bytes, mime } = await photos.read(ref, variant)
      return { dataUrl: `data:${mime};base64,${bytes.toString('base64')}` }
    },
    'review.get': () => views.review(),
  }
}
