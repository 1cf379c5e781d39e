import type { EventPerson } from '../../../shared/model'
import {
  csvToRows,
  readCsv,
  suggestMapping,
  type ColumnTarget,
  type CsvEncoding,
} from '../import/csvImport'
import type { PersonKeys } from './personMatch'

export type PersonDraft = PersonKeys & { title: string; line: number }

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
      linkedinUrl: row.fields.links?.find((l) => l.kind === 'linkedin')?.value ?? '',
    })
  }
  return { headers: table.headers, mapping: used, encoding: table.encoding, people, skipped }
}

/**
 * `local@domain.tld` with no whitespace and one @, as /^[^\s@]+@[^\s@]+\.[^\s@]+$/ says,
 * checked without that pattern's backtracking over a long run of dots.
 */
function looksLikeEmail(cell: string): boolean {
  if (/[\s]/.test(cell)) return false
  const at = cell.indexOf('@')
  if (at <= 0 || at !== cell.lastIndexOf('@')) return false
  const dot = cell.indexOf('.', at + 2)
  return dot > 0 && dot < cell.length - 1
}

function pastedLines(text: string): ParsedPeople {
  const people: PersonDraft[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (!line) return
    // Split, then trim: `\s*[,，]\s*` backtracks quadratically on a long run of spaces.
    const cells = line.split(/[\t,，]/).map((c) => c.trim())
    const email = cells.find(looksLikeEmail) ?? ''
    const linkedinUrl = cells.find((c) => /linkedin\.com\//i.test(c)) ?? ''
    const rest = cells.filter((c) => c && c !== email && c !== linkedinUrl)
    if (!rest[0]) return
    people.push({
      line: index + 1,
      name: rest[0].slice(0, 200),
      organization: (rest[1] ?? '').slice(0, 200),
      title: (rest[2] ?? '').slice(0, 200),
      email,
      linkedinUrl,
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
