import type { Handlers } from '../../../shared/contract'
import { RapportError } from '../../../shared/errors'
import { contactSchema } from '../../../shared/model'
import type { qrCardOperations } from '../../../shared/cards/qrCardOperations'
import { nextTimestamp } from '../clock'
import type { CoreContext } from '../coreContext'
import type { JournaledStore } from '../store/journaledStore'
import { readQrText } from './readQrText'

/** Answers the QR card exchange: reading a scanned code, keeping a scanned profile link. */
export function createQrCardHandlers(
  store: JournaledStore,
  context: CoreContext,
): Pick<Handlers, keyof typeof qrCardOperations> {
  return {
    'qrCard.read': ({ text }) => readQrText(text),
    'qrCard.addLink': ({ contactId, link }) =>
      store.update((tx) => {
        const current = tx.find('contacts', contactId)
        if (!current) throw new RapportError('NOT_FOUND', `No contact with id ${contactId}`)
        const same = (value: string) => value.toLowerCase() === link.value.toLowerCase()
        if (current.links.some((l) => l.kind === link.kind && same(l.value))) return current
        const updated = contactSchema.parse({
          ...current,
          links: [...current.links, link],
          updatedAt: nextTimestamp(context.clock, current.updatedAt),
        })
        tx.put('contacts', updated)
        return updated
      }),
  }
}
