import type { EventPerson } from '../../../shared/model'

/** One name offered under "who": a contact (id set) or someone on the event's list not yet a contact. */
export interface CaptureSuggestion {
  key: string
  contactId: string | null
  name: string
  organization: string
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '')

/**
 * What quick capture offers for a typed name: in the room, the person is most likely on the
 * current event's list (speakers, attendees, targets), so those come first, contacts found by
 * the search (pinyin included) after; listed people who are not contacts yet are offered too.
 */
export function rankCaptureSuggestions(
  typed: string,
  found: readonly { id: string; name: string; organization: string }[],
  event: { people: readonly EventPerson[]; targetContactIds: readonly string[] } | undefined,
  limit = 8,
): CaptureSuggestion[] {
  const onList = new Set([
    ...(event?.targetContactIds ?? []),
    ...(event?.people.flatMap((p) => (p.contactId ? [p.contactId] : [])) ?? []),
  ])
  const contacts = found.map((c) => ({
    key: c.id,
    contactId: c.id,
    name: c.name,
    organization: c.organization,
  }))
  const key = fold(typed)
  const prospects = key
    ? (event?.people ?? [])
        .filter((p) => !p.contactId && fold(p.name).includes(key))
        .map((p) => ({
          key: `person:${p.id}`,
          contactId: null,
          name: p.name,
          organization: p.organization,
        }))
    : []
  return [
    ...contacts.filter((c) => onList.has(c.contactId)),
    ...prospects,
    ...contacts.filter((c) => !onList.has(c.contactId)),
  ].slice(0, limit)
}
