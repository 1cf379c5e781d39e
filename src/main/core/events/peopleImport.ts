import type { EventPerson } from '../../../shared/model'
import {
  csvToRows,
  readCsv,
  suggestMapping,
  type ColumnTarget,
  type CsvEncoding,
} from '../importExport/csvImport'
import { parsePastedLine } from './pastedPeople'
import type { PersonKeys } from './personMatch'

export type PersonDraft = PersonKeys & { title: string; phone: string; line: number }

export interface ParsedPeople {
  headers: string[]
  mapping: ColumnTarget[]
  encoding: CsvEncoding | 'text'
  people: PersonDraft[]
  /** Lines that had no name, so could not become a person. */
  skipped: number[]
}

/**
 * A speaker or attendee list, from a platform export (Eventbrite, Luma, Meetup: their headers
 * are recognised by the contact import's column guesser, in the same encodings) or from a
 * pasted list with one person per line ("Name, Organisation, Title" or tab-separated).
 */
export function parsePeople(input: Uint8Array | string, mapping?: ColumnTarget[]): ParsedPeople {
  const table = readCsv(input)
  const guessed = suggestMapping(table.headers)
  const looksLikeExport = mapping !== undefined || guessed.filter((t) => t !== 'ignore').length >= 2
  if (!looksLikeExport && typeof input === 'string') return pastedLines(input)
  const used = mapping ?? guessed
  const people: PersonDraft[] = []
  const skipped: number[] = []
  for (const row of csvToRows(table, used)) {
    const name = row.fields.name?.trim() ?? ''
    if (!name) {
      skipped.push(row.line)
      continue
    }
    people.push({
      line: row.line,
      name: name.slice(0, 200),
      organization: (row.fields.organization ?? '').slice(0, 200),
      title: (row.fields.role ?? '').slice(0, 200),
      email: row.fields.emails?.[0]?.value ?? '',
      phone: row.fields.phones?.[0]?.value ?? '',
      linkedinUrl: row.fields.links?.find((l) => l.kind === 'linkedin')?.value ?? '',
    })
  }
  return { headers: table.headers, mapping: used, encoding: table.encoding, people, skipped }
}

function pastedLines(text: string): ParsedPeople {
  const people: PersonDraft[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const person = parsePastedLine(raw)
    if (!person) return
    people.push({
      line: index + 1,
      name: person.name.slice(0, 200),
      organization: person.organization.slice(0, 200),
      title: person.title.slice(0, 200),
      email: person.email,
      phone: person.phone,
      linkedinUrl: person.linkedinUrl,
    })
  })
  return { headers: [], mapping: [], encoding: 'text', people, skipped: [] }
}

/** The same person listed twice (in one file, or already on the event): same email, profile or name + organisation. */
export function samePerson(
  a: PersonKeys,
  b: Pick<EventPerson, 'name' | 'organization' | 'email' | 'linkedinUrl'>,
): boolean {
  const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
  if (a.email && b.email && norm(a.email) === norm(b.email)) return true
  if (a.linkedinUrl && b.linkedinUrl && norm(a.linkedinUrl) === norm(b.linkedinUrl)) return true
  return norm(a.name) === norm(b.name) && norm(a.organization) === norm(b.organization)
}
