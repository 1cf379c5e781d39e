import type { Handlers } from '../../../shared/contract'
import type { cardOperations } from '../../../shared/cards/cardOperations'
import type { PhoneRegionOf } from '../contacts/identity/phone'
import type { PhotoStore } from '../contacts/photos/photoStore'
import type { CoreContext } from '../coreContext'
import type { JournaledStore } from '../store/journaledStore'
import { createCardService } from './cardService'

/** Answers the business-card scanner's operations; `stop` ends its OCR workers. */
export function createCardHandlers(
  store: JournaledStore,
  context: CoreContext,
  photos: PhotoStore,
  phoneRegion: PhoneRegionOf,
): { handlers: Pick<Handlers, keyof typeof cardOperations>; stop(): Promise<void> } {
  const cards = createCardService(store, photos, context.clock, phoneRegion)
  return {
    handlers: {
      'cards.scan': (input) => cards.scan(input),
      'cards.save': (input) => cards.save(input),
    },
    stop: () => cards.close(),
  }
}
