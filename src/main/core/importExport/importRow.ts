import type { z } from 'zod'
import type { contactFieldsShape } from '../../../shared/contacts/contact'
import { isoDateSchema } from '../../../shared/store/record'

/** What a create call accepts: defaults not yet applied. */
export type ContactFields = z.input<z.ZodObject<typeof contactFieldsShape>>
type LinkKind = 'linkedin' | 'wechat' | 'weibo' | 'web' | 'other'

/** One contact read from an import file, before it is matched against the store. */
export interface ImportRow {
  /** 1-based line where the record starts in the file. */
  line: number
  /** `name` is always set when `errors` is empty. */
  fields: Partial<ContactFields>
  photo?: { bytes: Uint8Array; mime: string }
  /**
   * The record's id in the file (a vCard UID): links between records of the same file
   * (introduced by, mutual acquaintances) name it, and the import maps it to the new contact.
   */
  sourceId?: string
  /** Human-readable English; a row with errors is not imported. */
  errors: string[]
  warnings: string[]
}

/** A row being collected; `finishRow` turns it into an ImportRow that fits the schema. */
export interface Draft {
  name?: string
  givenName?: string
  familyName?: string
  nickname?: string
  organization?: string
  role?: string
  whatTheyDo?: string
  assistantName?: string
  emails: { label: string; value: string }[]
  phones: { label: string; value: string }[]
  links: { kind: LinkKind; value: string }[]
  importantDates: { label: string; date: string }[]
  /** When we first met (LinkedIn's "Connected On"), YYYY-MM-DD. */
  firstMetDate?: string
  tags: string[]
  notes: string[]
  family: string[]
  interests: string[]
  /** Fields with no column of their own here (Rapport's own), already checked against the schema. */
  extra: Partial<ContactFields>
  /**
   * The file is Rapport's own export: text is kept exactly as written (long text not trimmed)
   * and nothing is de-duplicated, so that export then import gives back the same contact.
   */
  verbatim: boolean
  photo?: { bytes: Uint8Array; mime: string }
  errors: string[]
  warnings: string[]
}

export function newDraft(): Draft {
  return {
    emails: [],
    phones: [],
    links: [],
    importantDates: [],
    tags: [],
    notes: [],
    family: [],
    interests: [],
    extra: {},
    verbatim: false,
    errors: [],
    warnings: [],
  }
}

// Limits from contactFieldsShape, repeated here so a clipped row still passes validation.
const SHORT = 200
const LONG = 20_000
const TAG = 60
const MAX_TAGS = 50
const MAX_INTERESTS = 50
const MAX_VALUES = 20
const MAX_DATES = 50

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/

export function hasCjk(text: string): boolean {
  return CJK.test(text)
}

/** Chinese, Japanese and Korean names read family name first, without a space. */
export function assembleName(given?: string, family?: string): string {
  const g = (given ?? '').trim()
  const f = (family ?? '').trim()
  if (!g || !f) return g || f
  return hasCjk(g + f) ? f + g : `${g} ${f}`
}

export function linkKind(value: string, fallback: LinkKind = 'web'): LinkKind {
  const v = value.toLowerCase()
  if (v.startsWith('weixin:') || v.includes('weixin.qq.com')) return 'wechat'
  if (/(^|[./])linkedin\.com/.test(v)) return 'linkedin'
  if (/(^|[./])weibo\.(com|cn)/.test(v)) return 'weibo'
  return fallback
}

export type DateResult = { kind: 'date'; date: string } | { kind: 'partial' } | { kind: 'invalid' }

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

function ymd(y: number, m: number, d: number): DateResult {
  const date = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  // The regex in isoDateSchema accepts 02-30; the round trip through Date does not.
  const real = new Date(0)
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  real.setUTCFullYear(y, m - 1, d)
  const ok =
    isoDateSchema.safeParse(date).success &&
    real.getUTCFullYear() === y &&
    real.getUTCMonth() === m - 1 &&
    real.getUTCDate() === d
  return ok ? { kind: 'date', date } : { kind: 'invalid' }
}

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1
}

/**
 * Reads the date spellings contacts and spreadsheets use. Dates without a year (vCard
 * `--0415`, Google's `--04-15`, `4月15日`) are reported as partial: the model needs a year.
 */
export function parseDate(input: string): DateResult {
  const s = input.trim()
  let m: RegExpMatchArray | null
  if ((m = s.match(/^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$/))) return ymd(+m[1]!, +m[2]!, +m[3]!)
  if ((m = s.match(/^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?: .*)?$/)))
    return ymd(+m[1]!, +m[2]!, +m[3]!)
  if ((m = s.match(/^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/)))
    return ymd(+m[1]!, +m[2]!, +m[3]!)
  // Dots are the European day-first order; slashes are month-first unless that cannot be.
  if ((m = s.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/))) return ymd(+m[3]!, +m[2]!, +m[1]!)
  if ((m = s.match(/^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?: .*)?$/))) {
    const [a, b] = [+m[1]!, +m[2]!]
    return a > 12 ? ymd(+m[3]!, b, a) : ymd(+m[3]!, a, b)
  }
  if ((m = s.match(/^(\d{1,2})\s+([A-Za-z]{3,})\.?,?\s+(\d{4})$/)) && monthIndex(m[2]!) > 0)
    return ymd(+m[3]!, monthIndex(m[2]!), +m[1]!)
  if ((m = s.match(/^([A-Za-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})$/)) && monthIndex(m[1]!) > 0)
    return ymd(+m[3]!, monthIndex(m[1]!), +m[2]!)
  if (/^--\d{2}-?\d{2}$/.test(s) || /^\d{1,2}\s*月\s*\d{1,2}\s*[日号]?$/.test(s)) {
    return { kind: 'partial' }
  }
  return { kind: 'invalid' }
}

/** Adds a dated event, or says why it was left out. */
export function addDate(draft: Draft, label: string, value: string): void {
  const text = value.trim()
  if (!text) return
  const result = parseDate(text)
  if (result.kind === 'date') {
    draft.importantDates.push({ label, date: result.date })
  } else if (result.kind === 'partial') {
    draft.warnings.push(`${label} "${text}" has no year, so it was skipped`)
  } else {
    draft.warnings.push(`${label} "${text}" is not a date that could be read`)
  }
}

/** When we first met, from a "Connected On" or "Date added" column; the first readable one wins. */
export function setFirstMet(draft: Draft, value: string): void {
  const text = value.trim()
  if (!text || draft.firstMetDate) return
  const result = parseDate(text)
  if (result.kind === 'date') draft.firstMetDate = result.date
  else draft.warnings.push(`first met "${text}" is not a date that could be read`)
}

/** Trims (unless `keepEdges`) and cuts text to `max` characters, saying so. */
function clip(
  draft: Draft,
  what: string,
  text: string | undefined,
  max: number,
  keepEdges = false,
): string {
  const t = keepEdges ? (text ?? '') : (text ?? '').trim()
  if (t.length <= max) return t
  draft.warnings.push(`${what} was cut to ${max} characters`)
  return t.slice(0, max)
}

function unique<T>(items: T[], key: (item: T) => string, keepAll = false): T[] {
  if (keepAll) return items
  const seen = new Set<string>()
  return items.filter((item) => {
    const k = key(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

function capped<T>(draft: Draft, what: string, items: T[], max: number): T[] {
  if (items.length <= max) return items
  draft.warnings.push(`only the first ${max} ${what} were kept (of ${items.length})`)
  return items.slice(0, max)
}

/**
 * Trims, de-duplicates and clips a draft to the contact schema's limits. A `verbatim` draft
 * (Rapport's own export) is only clipped: its long text keeps its edges and its lists their
 * duplicates, as the contact had them.
 */
export function finishRow(line: number, draft: Draft): ImportRow {
  const d = draft
  const keep = d.verbatim
  const fields: Partial<ContactFields> = {}
  const givenName = clip(d, 'given name', d.givenName, SHORT)
  const familyName = clip(d, 'family name', d.familyName, SHORT)
  const emails = unique(
    d.emails
      .map((e) => ({ label: e.label.trim().slice(0, SHORT), value: e.value.trim() }))
      .filter((e) => e.value && e.value.length <= 320),
    (e) => e.value.toLowerCase(),
    keep,
  )
  const phones = unique(
    d.phones
      .map((p) => ({ label: p.label.trim().slice(0, SHORT), value: p.value.trim() }))
      .filter((p) => p.value && p.value.length <= 320),
    (p) => p.value.replace(/[\s().-]/g, ''),
    keep,
  )

  let name = (d.name ?? '').trim() || assembleName(givenName, familyName)
  if (!name) {
    // Phones show such contacts by whatever identifies them; so does the import.
    const fallbacks: [string, string | undefined][] = [
      ['nickname', d.nickname],
      ['email address', emails[0]?.value],
      ['organization', d.organization],
      ['phone number', phones[0]?.value],
    ]
    const found = fallbacks.find(([, value]) => value?.trim())
    if (found) {
      name = found[1]!.trim()
      d.warnings.push(`no name, so the ${found[0]} is used as the name`)
    } else {
      d.errors.push('no name')
    }
  }
  if (name) fields.name = clip(d, 'name', name, SHORT)
  if (givenName) fields.givenName = givenName
  if (familyName) fields.familyName = familyName
  const nickname = clip(d, 'nickname', d.nickname, SHORT)
  if (nickname) fields.nickname = nickname
  const organization = clip(d, 'organization', d.organization, SHORT)
  if (organization) fields.organization = organization
  const role = clip(d, 'role', d.role, SHORT)
  if (role) fields.role = role
  const whatTheyDo = clip(d, 'profession', d.whatTheyDo, LONG, keep)
  if (whatTheyDo) fields.whatTheyDo = whatTheyDo
  const assistantName = clip(d, 'assistant name', d.assistantName, SHORT)
  if (assistantName) fields.assistantName = assistantName

  if (emails.length) fields.emails = capped(d, 'email addresses', emails, MAX_VALUES)
  if (phones.length) fields.phones = capped(d, 'phone numbers', phones, MAX_VALUES)
  const links = unique(
    d.links
      .map((l) => ({ kind: l.kind, value: l.value.trim() }))
      .filter((l) => l.value && l.value.length <= 2000),
    (l) => l.value.toLowerCase(),
    keep,
  )
  if (links.length) fields.links = capped(d, 'links', links, MAX_VALUES)
  const dates = unique(
    d.importantDates.map((x) => ({ label: x.label.trim().slice(0, SHORT), date: x.date })),
    (x) => `${x.label}|${x.date}`,
    keep,
  )
  if (dates.length) fields.importantDates = capped(d, 'dates', dates, MAX_DATES)
  if (d.firstMetDate) fields.firstMet = { date: d.firstMetDate }

  const tags = unique(d.tags.map((t) => t.trim()).filter(Boolean), (t) => t.toLowerCase(), keep)
  const longTags = tags.filter((t) => t.length > TAG)
  if (longTags.length) d.warnings.push(`tags longer than ${TAG} characters were cut`)
  if (tags.length) {
    fields.tags = capped(
      d,
      'tags',
      tags.map((t) => t.slice(0, TAG).trim()),
      MAX_TAGS,
    )
  }
  const interests = unique(
    d.interests.map((t) => t.trim()).filter(Boolean),
    (t) => t.toLowerCase(),
    keep,
  )
  if (interests.some((t) => t.length > SHORT)) {
    d.warnings.push(`interests longer than ${SHORT} characters were cut`)
  }
  if (interests.length) {
    fields.interests = capped(
      d,
      'interests',
      interests.map((t) => t.slice(0, SHORT).trim()),
      MAX_INTERESTS,
    )
  }
  const noteParts = keep ? d.notes.filter(Boolean) : d.notes.map((n) => n.trim()).filter(Boolean)
  const notes = clip(d, 'notes', noteParts.join('\n\n'), LONG, keep)
  if (notes) fields.notes = notes
  const familyParts = unique(d.family.filter(Boolean), (x) => x, keep)
  const family = clip(d, 'family', familyParts.join('\n'), LONG, keep)
  if (family) fields.family = family
  Object.assign(fields, d.extra)

  const row: ImportRow = { line, fields, errors: d.errors, warnings: unique(d.warnings, (w) => w) }
  if (d.photo) row.photo = d.photo
  return row
}
