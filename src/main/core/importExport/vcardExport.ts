import type { CountryCode } from 'libphonenumber-js'
import { splitChineseName } from '../../../shared/contacts/names/chineseName'
import { toE164 } from '../contacts/identity/phone'
import type { Contact } from '../../../shared/model'

/**
 * Contacts as vCard 4.0 (RFC 6350): UTF-8, CRLF, lines folded at 75 octets.
 *
 * Standard properties carry what other address books understand: FN, N, NICKNAME, ORG, TITLE,
 * EMAIL, TEL, URL, IMPP (WeChat as `weixin:`), X-SOCIALPROFILE (a profile given as a handle
 * rather than an address), BDAY, ANNIVERSARY, X-ABDATE (other dates), CATEGORIES (tags),
 * INTEREST (RFC 6715, one per interest), NOTE, PHOTO (data: URI), UID and REV. Labels that no
 * TYPE captures exactly travel the way Apple and Google write them: a property group with an
 * X-ABLabel, e.g. `item1.TEL;TYPE=cell:…` + `item1.X-ABLabel:手机`.
 *
 * Rapport's own fields have no vCard equivalent and are written as X-RAPPORT-* so that an import
 * into Rapport can restore them; other apps ignore them. See `rapportProperties` for the list.
 */

export interface VCardPhoto {
  bytes: Uint8Array
  mime: string
}

/** Rapport-only text fields and the property each one is written as (empty values are left out). */
export const rapportTextProperties = {
  whatTheyDo: 'X-RAPPORT-WHATTHEYDO',
  challenges: 'X-RAPPORT-CHALLENGES',
  canOffer: 'X-RAPPORT-CANOFFER',
  theirAdvice: 'X-RAPPORT-THEIRADVICE',
  goals: 'X-RAPPORT-GOALS',
  seed: 'X-RAPPORT-SEED',
  bestWayToReach: 'X-RAPPORT-BESTWAYTOREACH',
  assistantName: 'X-RAPPORT-ASSISTANTNAME',
  family: 'X-RAPPORT-FAMILY',
} as const satisfies Partial<Record<keyof Contact, string>>

/**
 * Every X-RAPPORT-* property written, with the contact field it holds. Values are vCard text
 * (escaped, `VALUE=text` so generic parsers unescape them too). Fields at their default value
 * (empty text, tier `outside`, not archived) are left out.
 * - X-RAPPORT-FIRSTMET-DATE / -PLACE / -HOW: `firstMet.date` (YYYY-MM-DD), `.place`, `.how`
 * - X-RAPPORT-ECOSYSTEM, -INFLUENCE, -CLOSENESS, -TIER: the enum value as stored
 * - X-RAPPORT-CADENCEDAYS: whole days; X-RAPPORT-ARCHIVED: `true`
 * - X-RAPPORT-INTRODUCEDBYID: a contact id; X-RAPPORT-MUTUALIDS: one property per id. Ids only
 *   mean something to the store they came from; an importer must check they exist.
 */
export const rapportProperties = {
  ...Object.fromEntries(Object.entries(rapportTextProperties).map(([k, v]) => [v, k])),
  'X-RAPPORT-FIRSTMET-DATE': 'firstMet.date',
  'X-RAPPORT-FIRSTMET-PLACE': 'firstMet.place',
  'X-RAPPORT-FIRSTMET-HOW': 'firstMet.how',
  'X-RAPPORT-ECOSYSTEM': 'ecosystem',
  'X-RAPPORT-INFLUENCE': 'influence',
  'X-RAPPORT-CLOSENESS': 'closeness',
  'X-RAPPORT-TIER': 'tier',
  'X-RAPPORT-CADENCEDAYS': 'cadenceDays',
  'X-RAPPORT-ARCHIVED': 'archived',
  'X-RAPPORT-INTRODUCEDBYID': 'introducedById',
  'X-RAPPORT-MUTUALIDS': 'mutualIds',
} as Readonly<Record<string, string>>

interface Line {
  group?: string
  name: string
  params?: [string, string][]
  /** Already escaped (text) or a URI. */
  value: string
}

const MAX_OCTETS = 75
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i
const NO_SPACE = /^[^\s\p{Cc}]+$/u
const WECHAT_ID = /^[A-Za-z0-9_.-]+$/
const DATA_URI = /^data:image\/(jpeg|png|webp|gif);base64,[A-Za-z0-9+/=\s]+$/

/** Types a label implies. A label may imply two ("work fax"), or none ("assistant"). */
const LABEL_TYPES: readonly [RegExp, string, 'tel' | 'any'][] = [
  [/work|office|business|工作|办公|公司|单位/i, 'work', 'any'],
  [/home|personal|private|家|住宅|个人|私人/i, 'home', 'any'],
  [/mobile|cell|iphone|手机|移动/i, 'cell', 'tel'],
  [/fax|传真/i, 'fax', 'tel'],
  [/pager|传呼/i, 'pager', 'tel'],
]
const BIRTHDAY = /^(birthday|bday|birth ?date|date of birth|生日|出生日期)$/i
// vCard's ANNIVERSARY is a marriage or its like; a company's anniversary stays an X-ABDATE.
const ANNIVERSARY = /^(anniversary|wedding( anniversary| day)?|结婚纪念日|结婚周年|结婚日|纪念日)$/i

/** Text as vCard 4 wants it: well-formed, no control characters, escaped. */
export function escapeText(value: string, component = false): string {
  const text = value
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/\r\n|\r/g, '\n')
    .replace(/(?![\t\n])\p{Cc}/gu, '')
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n')
  // RFC 6350's text grammar allows a bare ';'; only components of N and ORG must escape it.
  return component ? text.replace(/;/g, '\\;') : text
}

/**
 * Folds one content line: at most 75 octets per physical line, continuations starting with a
 * space. Splits only between code points, and never inside a backslash escape, so no reader
 * ever sees half a character or half an escape even if it handles folding badly.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line) <= MAX_OCTETS) return line
  if (/^[\x20-\x5b\x5d-\x7e]*$/.test(line)) {
    // ASCII without escapes (e.g. a base64 photo, megabytes long): slice, no need to walk it.
    const parts = [line.slice(0, MAX_OCTETS)]
    for (let i = MAX_OCTETS; i < line.length; i += MAX_OCTETS - 1) {
      parts.push(' ' + line.slice(i, i + MAX_OCTETS - 1))
    }
    return parts.join('\r\n')
  }
  const parts: string[] = []
  let current = ''
  let size = 0
  for (const unit of line.match(/\\[\s\S]|[\s\S]/gu) ?? []) {
    const octets = Buffer.byteLength(unit)
    if (size + octets > MAX_OCTETS) {
      parts.push(current)
      current = ' '
      size = 1
    }
    current += unit
    size += octets
  }
  parts.push(current)
  return parts.join('\r\n')
}

function paramValue(value: string): string {
  return /[;:,"]/.test(value) && !/^[A-Za-z0-9-]+(,[A-Za-z0-9-]+)*$/.test(value)
    ? `"${value.replace(/"/g, "'")}"`
    : value
}

function render(line: Line): string {
  const params = (line.params ?? []).map(([key, value]) => `;${key}=${paramValue(value)}`)
  const group = line.group ? `${line.group}.` : ''
  return foldLine(`${group}${line.name}${params.join('')}:${line.value}`)
}

function basicDate(isoDate: string): string {
  return isoDate.replace(/-/g, '')
}

function basicTimestamp(isoDateTime: string): string {
  const date = new Date(isoDateTime)
  if (Number.isNaN(date.getTime())) return ''
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')
}

function typesFor(label: string, kind: 'tel' | 'email'): string[] {
  return LABEL_TYPES.filter(([re, , only]) => (only === 'any' || kind === 'tel') && re.test(label))
    .map(([, type]) => type)
    .filter((type, i, all) => all.indexOf(type) === i)
}

/** A card under construction: numbers its `itemN` groups. */
class Card {
  readonly lines: Line[] = []
  private groups = 0

  add(line: Line): void {
    this.lines.push(line)
  }

  /** A property with a free-text label next to it, as Apple and Google write custom labels. */
  addLabelled(line: Line, label: string): void {
    const group = `item${++this.groups}`
    this.lines.push({ ...line, group })
    this.lines.push({ group, name: 'X-ABLabel', value: escapeText(label) })
  }

  text(name: string, value: string | undefined, params?: [string, string][]): void {
    if (value === undefined || value === '') return
    this.add({ name, value: escapeText(value), ...(params ? { params } : {}) })
  }

  rapport(name: string, value: string | number | undefined): void {
    if (value === undefined || value === '') return
    this.add({ name, params: [['VALUE', 'text']], value: escapeText(String(value)) })
  }
}

function labelledValues(
  card: Card,
  name: 'EMAIL' | 'TEL',
  items: readonly { label: string; value: string }[],
  phoneRegion?: CountryCode,
): void {
  items.forEach((item, index) => {
    const label = item.label.trim()
    const types = typesFor(label, name === 'TEL' ? 'tel' : 'email')
    const params: [string, string][] = []
    // TEL's default value type is a URI; users type numbers as text ("+86 139 0000 0101").
    if (name === 'TEL') params.push(['VALUE', 'text'])
    if (types.length > 0) params.push(['TYPE', types.join(',')])
    if (index === 0 && items.length > 1) params.push(['PREF', '1'])
    // Numbers go out in E.164 when they can be read, so any phone or app dials them right.
    const value = name === 'TEL' ? (toE164(item.value, phoneRegion) ?? item.value) : item.value
    const line: Line = { name, params, value: escapeText(value) }
    // The label survives as X-ABLabel unless the TYPE says exactly the same thing.
    if (label && !(types.length === 1 && types[0] === label)) card.addLabelled(line, label)
    else card.add(line)
  })
}

function links(card: Card, contact: Contact): void {
  for (const { kind, value: raw } of contact.links) {
    const value = raw.trim()
    // URIs are not escaped in vCard 4, so one with a backslash would confuse readers that unescape.
    const uriLike = NO_SPACE.test(value) && !value.includes('\\')
    if (kind === 'wechat' && WECHAT_ID.test(value)) {
      card.add({ name: 'IMPP', value: `weixin:${value}` })
    } else if ((kind === 'linkedin' || kind === 'weibo') && uriLike && HAS_SCHEME.test(value)) {
      card.add({ name: 'URL', params: [['TYPE', kind]], value })
    } else if (kind === 'web' && uriLike) {
      card.add({ name: 'URL', value })
    } else if (kind === 'other' && uriLike) {
      card.add({ name: 'URL', params: [['TYPE', 'other']], value })
    } else {
      // A handle rather than an address, or a WeChat id that no URI could hold as it is.
      card.text('X-SOCIALPROFILE', value, [['TYPE', kind]])
    }
  }
}

function dates(card: Card, contact: Contact): void {
  let birthday = false
  let anniversary = false
  for (const { label, date } of contact.importantDates) {
    const name = label.trim()
    if (!birthday && BIRTHDAY.test(name)) {
      birthday = true
      card.add({ name: 'BDAY', value: basicDate(date) })
    } else if (!anniversary && ANNIVERSARY.test(name)) {
      anniversary = true
      card.add({ name: 'ANNIVERSARY', value: basicDate(date) })
    } else if (name) {
      card.addLabelled({ name: 'X-ABDATE', value: date }, name)
    } else {
      card.add({ name: 'X-ABDATE', value: date })
    }
  }
}

function photo(
  card: Card,
  contact: Contact,
  photos: ((ref: string) => VCardPhoto | undefined) | undefined,
): void {
  const ref = contact.photo
  if (!ref) return
  // Older records hold the picture itself as a data: URL.
  if (DATA_URI.test(ref)) {
    card.add({ name: 'PHOTO', value: ref.replace(/\s+/g, '') })
    return
  }
  const content = photos?.(ref)
  if (!content || !/^image\/[a-z0-9.+-]+$/i.test(content.mime)) return
  const base64 = Buffer.from(
    content.bytes.buffer,
    content.bytes.byteOffset,
    content.bytes.byteLength,
  )
  card.add({ name: 'PHOTO', value: `data:${content.mime};base64,${base64.toString('base64')}` })
}

function rapportFields(card: Card, contact: Contact): void {
  for (const [field, name] of Object.entries(rapportTextProperties)) {
    card.rapport(name, contact[field as keyof typeof rapportTextProperties])
  }
  if (contact.firstMet) {
    card.rapport('X-RAPPORT-FIRSTMET-DATE', contact.firstMet.date)
    card.rapport('X-RAPPORT-FIRSTMET-PLACE', contact.firstMet.place)
    card.rapport('X-RAPPORT-FIRSTMET-HOW', contact.firstMet.how)
  }
  card.rapport('X-RAPPORT-ECOSYSTEM', contact.ecosystem)
  card.rapport('X-RAPPORT-INFLUENCE', contact.influence)
  card.rapport('X-RAPPORT-CLOSENESS', contact.closeness)
  if (contact.tier !== 'outside') card.rapport('X-RAPPORT-TIER', contact.tier)
  card.rapport('X-RAPPORT-CADENCEDAYS', contact.cadenceDays)
  if (contact.archived) card.rapport('X-RAPPORT-ARCHIVED', 'true')
  card.rapport('X-RAPPORT-INTRODUCEDBYID', contact.introducedById)
  for (const id of contact.mutualIds) card.rapport('X-RAPPORT-MUTUALIDS', id)
}

function contactToCard(
  contact: Contact,
  photos: ((ref: string) => VCardPhoto | undefined) | undefined,
  phoneRegion: CountryCode | undefined,
): Card {
  const card = new Card()
  card.add({ name: 'VERSION', value: '4.0' })
  card.add({ name: 'PRODID', value: '-//Rapport//Rapport//EN' })
  card.add(
    UUID.test(contact.id)
      ? { name: 'UID', value: `urn:uuid:${contact.id.toLowerCase()}` }
      : { name: 'UID', params: [['VALUE', 'text']], value: escapeText(contact.id) },
  )
  card.add({ name: 'FN', value: escapeText(contact.name) })
  // The parts the user gave; otherwise a Chinese name's own (family name first, 王 + 小明), so
  // phones sort and greet by them. A Latin name without parts is left to FN: which word is the
  // family name is a guess there. Older readers want N.
  const split = contact.familyName || contact.givenName ? null : splitChineseName(contact.name)
  const family = escapeText(contact.familyName ?? split?.family ?? '', true)
  const given = escapeText(contact.givenName ?? split?.given ?? '', true)
  card.add({ name: 'N', value: `${family};${given};;;` })
  // Rapport's own import reads N back as the card's parts only when the user gave them.
  if (split) card.rapport('X-RAPPORT-NAMEPARTS', 'derived')
  card.text('NICKNAME', contact.nickname)
  if (contact.organization.trim()) {
    card.add({ name: 'ORG', value: escapeText(contact.organization, true) })
  }
  card.text('TITLE', contact.role)
  labelledValues(card, 'EMAIL', contact.emails)
  labelledValues(card, 'TEL', contact.phones, phoneRegion)
  links(card, contact)
  dates(card, contact)
  const tags = contact.tags.map((tag) => tag.trim()).filter(Boolean)
  if (tags.length > 0) {
    card.add({ name: 'CATEGORIES', value: tags.map((tag) => escapeText(tag)).join(',') })
  }
  for (const interest of contact.interests) card.text('INTEREST', interest, [['VALUE', 'text']])
  card.text('NOTE', contact.notes)
  photo(card, contact, photos)
  rapportFields(card, contact)
  const rev = basicTimestamp(contact.updatedAt)
  if (rev) card.add({ name: 'REV', value: rev })
  return card
}

/**
 * All the given contacts (everyone, or a selection) as one .vcf text. `photos` supplies the
 * bytes of a stored photo by its ref; contacts whose photo it cannot supply are written without.
 */
export function contactsToVCard(
  contacts: readonly Contact[],
  photos?: (ref: string) => VCardPhoto | undefined,
  /** The region national numbers are read in, to write them in E.164. */
  phoneRegion?: CountryCode,
): string {
  const out: string[] = []
  for (const contact of contacts) {
    out.push('BEGIN:VCARD')
    for (const line of contactToCard(contact, photos, phoneRegion).lines) out.push(render(line))
    out.push('END:VCARD')
  }
  return out.length === 0 ? '' : out.join('\r\n') + '\r\n'
}
