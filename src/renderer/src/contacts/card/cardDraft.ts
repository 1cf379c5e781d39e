import type { InputOf } from '../../../../shared/contract'
import type { Contact } from '../../../../shared/model'

/** The editable part of a card, as the form holds it. */
export type CardDraft = Omit<Contact, 'id' | 'createdAt' | 'updatedAt' | 'demo'>

export function draftFromContact(contact: Contact): CardDraft {
  const { id: _id, createdAt: _c, updatedAt: _u, demo: _d, ...fields } = contact
  return structuredClone(fields)
}

/** The fields that differ from the saved card: what "Save" sends, and what "unsaved" means. */
export function changedFields(
  saved: Contact,
  draft: CardDraft,
): InputOf<'contacts.update'>['patch'] {
  const patch: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(draft)) {
    const before = (saved as Record<string, unknown>)[key]
    if (JSON.stringify(before) !== JSON.stringify(value)) patch[key] = cleanValue(value)
  }
  return patch as InputOf<'contacts.update'>['patch']
}

/** Empty rows added in the form and not filled are dropped rather than refused. */
function cleanValue(value: unknown): unknown {
  if (!Array.isArray(value)) return value
  return value.filter((item) => {
    if (item && typeof item === 'object' && 'value' in item) return String(item.value).trim() !== ''
    if (item && typeof item === 'object' && 'date' in item) return Boolean(item.date)
    return true
  })
}
