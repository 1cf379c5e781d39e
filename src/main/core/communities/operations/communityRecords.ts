import { RapportError } from '../../../../shared/errors'
import type { Community, Gathering, Language } from '../../../../shared/model'
import type { Clock } from '../../clock'
import { notFound } from '../../contacts/contactService'
import type { DataStore } from '../../store/dataStore'

/** What every community and gathering operation is given: the store and the time. */
export interface CommunityDeps {
  store: DataStore
  clock: Clock
}

/** Operations that write text for the user (a relationship's note, a follow-up's title). */
export interface WritingDeps extends CommunityDeps {
  language: () => Language
}

/** Either the store or a transaction: both look records up by id through the index. */
type Lookup = Pick<DataStore, 'find'>

export function invalid(path: string, message: string, reason?: string): RapportError {
  const issue = reason ? { path, message, reason } : { path, message }
  return new RapportError('VALIDATION', `${path}: ${message}`, { issues: [issue] })
}

export function communityOr404(lookup: Lookup, id: string): Community {
  const found = lookup.find('communities', id)
  if (!found) throw notFound('community', id)
  return found
}

export function gatheringOr404(lookup: Lookup, id: string): Gathering {
  const found = lookup.find('gatherings', id)
  if (!found) throw notFound('gathering', id)
  return found
}

export function requireContacts(lookup: Lookup, ids: string[], path: string) {
  ids.forEach((id, i) => {
    if (!lookup.find('contacts', id)) {
      throw new RapportError('NOT_FOUND', `${path}.${i}: no contact with id ${id}`, {
        kind: 'contact',
        id,
        issues: [{ path: `${path}.${i}`, message: 'no such contact' }],
      })
    }
  })
}

export function requireTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
  } catch {
    throw invalid('timeZone', `unknown time zone "${zone}"`, 'unknownTimeZone')
  }
}

export function noDuplicates(ids: string[], path: string) {
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) throw invalid(path, `${id} is listed twice`)
    seen.add(id)
  }
}

/** The names of the contacts among `ids` (others, such as me, are left out). */
export function namesOf(lookup: Lookup, ids: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const id of ids) {
    const contact = lookup.find('contacts', id)
    if (contact) out[id] = contact.name
  }
  return out
}

/** Same pair in either order. */
export const pairKey = ([a, b]: readonly [string, string]) => (a < b ? `${a}|${b}` : `${b}|${a}`)
