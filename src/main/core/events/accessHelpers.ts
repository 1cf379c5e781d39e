import type { HelperSuggestion } from '../../../shared/events/eventViews'
import type { RapportEvent, StoreData } from '../../../shared/model'
import { normaliseText } from './personMatch'

/**
 * People who could help me get in: the organiser's contacts, people at the organising
 * organisation, people who know an organiser contact, and people I met at or targeted for an
 * earlier edition of the same series. Helpers already chosen are left out.
 */
export function suggestHelpers(
  event: RapportEvent,
  data: Pick<StoreData, 'contacts' | 'relationships' | 'events' | 'encounters'>,
): HelperSuggestion[] {
  const chosen = new Set(event.access?.helperIds ?? [])
  const found = new Map<string, HelperSuggestion['why']>()
  const add = (id: string, why: HelperSuggestion['why']) => {
    if (!chosen.has(id) && !found.has(id)) found.set(id, why)
  }
  const organisers = new Set(event.organiser.contactIds)
  for (const id of organisers) add(id, 'organiser')
  const org = normaliseText(event.organiser.organization)
  if (org) {
    for (const c of data.contacts)
      if (normaliseText(c.organization) === org) add(c.id, 'organiserOrganization')
  }
  for (const r of data.relationships) {
    if (organisers.has(r.fromId)) add(r.toId, 'knowsOrganiser')
    if (organisers.has(r.toId)) add(r.fromId, 'knowsOrganiser')
  }
  const series = normaliseText(event.series)
  if (series) {
    const earlier = new Set(
      data.events
        .filter(
          (e) =>
            e.id !== event.id && normaliseText(e.series) === series && e.startsAt < event.startsAt,
        )
        .map((e) => e.id),
    )
    for (const e of data.encounters)
      if (e.eventId && earlier.has(e.eventId)) add(e.contactId, 'earlierEdition')
    for (const e of data.events)
      if (earlier.has(e.id))
        for (const t of e.targets) if (t.stage !== 'researching') add(t.contactId, 'earlierEdition')
  }
  const names = new Map(data.contacts.filter((c) => !c.archived).map((c) => [c.id, c.name]))
  return [...found.entries()]
    .filter(([id]) => names.has(id))
    .map(([contactId, why]) => ({ contactId, name: names.get(contactId)!, why }))
}
