import type { ParsedInputOf } from '../../../../shared/contract'
import { RapportError } from '../../../../shared/errors'
import type { PeopleImportResult } from '../../../../shared/events/eventViews'
import type { EventPerson } from '../../../../shared/model'
import { newId } from '../../clock'
import { columnTargets, type ColumnTarget } from '../../importExport/csvImport'
import type { StoreTransaction } from '../../store/dataStore'
import { parsePeople, samePerson } from '../peopleImport'
import { createPersonMatcher } from '../personMatch'
import { eventOr404, putEvent, type EventDeps } from './eventRecords'

/**
 * Pasted or uploaded speaker and attendee lists: a preview of each row (matched contact,
 * duplicate) and, with `commit`, the new people added to the event's list.
 */
export function importPeople(
  { store, clock }: EventDeps,
  input: ParsedInputOf<'events.importPeople'>,
): Promise<PeopleImportResult> {
  if ((input.text === undefined) === (input.data === undefined)) {
    throw new RapportError('VALIDATION', 'Give either pasted text or a file, not both or neither', {
      issues: [{ path: 'text', message: 'exactly one of text or data' }],
    })
  }
  const mapping = input.mapping?.map((m) => {
    if (!(columnTargets as readonly string[]).includes(m)) {
      throw new RapportError('VALIDATION', `Unknown column meaning ${m}`, {
        issues: [{ path: 'mapping', message: `unknown column meaning: ${m}` }],
      })
    }
    return m as ColumnTarget
  })
  const parsed = parsePeople(
    input.text ?? new Uint8Array(Buffer.from(input.data ?? '', 'base64')),
    mapping,
  )
  const preview = (source: Pick<StoreTransaction, 'data' | 'find'>) => {
    const event = eventOr404(source, input.eventId)
    const match = createPersonMatcher(source.data.contacts)
    const added: EventPerson[] = []
    const rows = parsed.people.map((p) => {
      const duplicate = [...event.people, ...added].some((q) => samePerson(p, q))
      const found = match(p)
      if (!duplicate) {
        added.push({
          id: newId(),
          name: p.name,
          organization: p.organization,
          title: p.title,
          email: p.email.slice(0, 320),
          linkedinUrl: p.linkedinUrl.slice(0, 2000),
          role: input.role,
          ...(found ? { contactId: found.contactId } : {}),
        })
      }
      return {
        line: p.line,
        name: p.name,
        organization: p.organization,
        title: p.title,
        email: p.email,
        linkedinUrl: p.linkedinUrl,
        match: found
          ? { ...found, name: source.find('contacts', found.contactId)?.name ?? '' }
          : null,
        duplicate,
      }
    })
    const result: PeopleImportResult = {
      headers: parsed.headers,
      mapping: parsed.mapping,
      encoding: parsed.encoding,
      rows,
      skipped: parsed.skipped,
      added: input.commit ? added.length : 0,
    }
    return { event, added, result }
  }
  if (!input.commit)
    return Promise.resolve(preview({ data: store.read(), find: store.find.bind(store) }).result)
  return store.update((tx) => {
    const { event, added, result } = preview(tx)
    if (added.length > 0) putEvent(tx, clock, event, { people: [...event.people, ...added] })
    return result
  })
}
