import type { Contact, Encounter } from '../../../shared/model'

/**
 * What a conversation adds to the card: their advice and the seed fill the card's fields when
 * those are empty. A field the user already filled stays as it is; the card offers the new value
 * beside the conversation instead of overwriting it.
 */
export function learntFromConversation(
  contact: Pick<Contact, 'theirAdvice' | 'seed'>,
  said: Pick<Encounter, 'theirAdvice' | 'seed'>,
): Partial<Pick<Contact, 'theirAdvice' | 'seed'>> {
  const learnt: Partial<Pick<Contact, 'theirAdvice' | 'seed'>> = {}
  if (contact.theirAdvice.trim() === '' && said.theirAdvice.trim() !== '')
    learnt.theirAdvice = said.theirAdvice.trim()
  if (contact.seed.trim() === '' && said.seed.trim() !== '') learnt.seed = said.seed.trim()
  return learnt
}
