import ICAL from 'ical.js'
import {
  closenessSchema,
  contactFieldsShape,
  ecosystemSchema,
  influenceSchema,
  linkKindSchema,
  tierSchema,
} from '../../../shared/contacts/contact'
import { idSchema } from '../../../shared/store/record'
import { rapportTextProperties } from './vcardExport'
import {
  addDate,
  finishRow,
  linkKind,
  newDraft,
  parseDate,
  type Draft,
  type ImportRow,
} from './importRow'

/**
 * vCard 2.1, 3.0 and 4.0 → ImportRow[].
 *
 * The file is handled as a "byte string" (one char per byte, latin1) until each value is
 * decoded, because vCard 2.1 lets every property name its own CHARSET (Shift_JIS, ISO-8859-1)
 * and may quoted-printable encode it. 3.0/4.0 cards are UTF-8 and go through ical.js after a
 * light clean-up; 2.1 cards, and anything ical.js rejects, go through the line parser here.
 *
 * Cards Rapport wrote itself (its PRODID) go through the line parser too, and are read exactly:
 * their X-RAPPORT-* fields, labels, link kinds and tags come back as the contact had them
 * (ical.js cannot tell an escaped `\\;` from `\;`, so it is not used for them).
 */

/** One property, the same whichever parser read it. */
interface Prop {
  /** Lower case, '' when the property has no `item1.`-style group. */
  group: string
  /** Upper case. */
  name: string
  /** Keys lower case; values as written, list params split on commas. */
  params: Map<string, string[]>
  /** Unescaped: the components of N/ORG/ADR, the items of CATEGORIES/NICKNAME, or one value. */
  parts: string[]
}

interface PhysicalLine {
  text: string
  line: number
}

const STRUCTURED = new Set(['N', 'ADR', 'ORG', 'GENDER', 'CLIENTPIDMAP'])
const LISTS = new Set(['CATEGORIES', 'NICKNAME'])

function toBinary(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}

function fromBinary(bin: string): Uint8Array {
  return new Uint8Array(Buffer.from(bin, 'latin1'))
}

// Values are decoded one by one: a U+FEFF that starts one is text, not a byte order mark.
const KEEP_BOM = { ignoreBOM: true } as const

function decodeUtf8(bin: string, warnings: string[]): string {
  const bytes = fromBinary(bin)
  try {
    return new TextDecoder('utf-8', { fatal: true, ...KEEP_BOM }).decode(bytes)
  } catch {
    // Older Chinese handsets wrote GBK without saying so; the CSV side makes the same guess.
    warnings.push('text was not valid UTF-8 and was read as GB18030')
    return new TextDecoder('gb18030', KEEP_BOM).decode(bytes)
  }
}

function decodeCharset(bin: string, charset: string | undefined, warnings: string[]): string {
  const label = charset?.trim().toLowerCase()
  if (!label) return decodeUtf8(bin, warnings)
  // A declared UTF-8 is believed: stray bad bytes become U+FFFD rather than a guess.
  if (label === 'utf-8' || label === 'utf8') {
    return new TextDecoder('utf-8', KEEP_BOM).decode(fromBinary(bin))
  }
  try {
    return new TextDecoder(label, KEEP_BOM).decode(fromBinary(bin))
  } catch {
    warnings.push(`unknown character set ${charset}; read as UTF-8`)
    return decodeUtf8(bin, warnings)
  }
}

function decodeQuotedPrintable(value: string): string {
  return value.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  )
}

/** vCard text escapes, plus the `\"` and `\:` that Gmail and Apple write. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\,;:"nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
}

/** Splits on separators that are not escaped, then unescapes each piece. */
function splitEscaped(value: string, separators: string): string[] {
  const parts: string[] = []
  let current = ''
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1]
      i++
    } else if (separators.includes(c)) {
      parts.push(current)
      current = ''
    } else {
      current += c
    }
  }
  parts.push(current)
  return parts.map(unescapeText)
}

/** Index of the colon that ends the name and parameters (colons inside quotes do not count). */
function headEnd(line: string): number {
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '"') quoted = !quoted
    else if (c === ':' && !quoted) return i
  }
  return -1
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = []
  let current = ''
  let quoted = false
  for (const c of text) {
    if (c === '"') quoted = !quoted
    if (c === separator && !quoted) {
      parts.push(current)
      current = ''
    } else {
      current += c
    }
  }
  parts.push(current)
  return parts
}

const ENCODING_WORDS = new Set(['BASE64', 'B', 'QUOTED-PRINTABLE', '8BIT', '7BIT'])

/** RFC 6868 caret escapes in parameter values (Nextcloud writes them). */
function unescapeParam(value: string): string {
  return value.replace(/\^([n'^])/g, (_, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^'))
}

/** Parses `group.NAME;a=b;BARE` into its pieces; bare 2.1 parameters become types. */
function parseHead(head: string, caretEscapes: boolean) {
  const [nameWithGroup = '', ...rawParams] = splitOutsideQuotes(head, ';')
  const dot = nameWithGroup.lastIndexOf('.')
  const group = dot >= 0 ? nameWithGroup.slice(0, dot).toLowerCase() : ''
  const name = nameWithGroup.slice(dot + 1).toUpperCase()
  const params = new Map<string, string[]>()
  const add = (key: string, values: string[]) =>
    params.set(key, [...(params.get(key) ?? []), ...values])
  for (const raw of rawParams) {
    const eq = raw.indexOf('=')
    if (eq < 0) {
      const word = raw.trim()
      if (!word) continue
      add(ENCODING_WORDS.has(word.toUpperCase()) ? 'encoding' : 'type', [word])
      continue
    }
    const key = raw.slice(0, eq).trim().toLowerCase()
    const values = splitOutsideQuotes(raw.slice(eq + 1), ',').map((v) => {
      const bare = v.trim().replace(/^"(.*)"$/s, '$1')
      return caretEscapes ? unescapeParam(bare) : bare
    })
    add(key, values)
  }
  return { group, name, params }
}

function encodingOf(params: Map<string, string[]>): string {
  return (params.get('encoding')?.[0] ?? '').toUpperCase()
}

function isBase64(params: Map<string, string[]>): boolean {
  const e = encodingOf(params)
  return e === 'B' || e === 'BASE64'
}

/**
 * The start of a property that a broken quoted-printable value must not swallow: a known vCard
 * name (or an X- extension), optionally grouped, followed by `;` or `:`.
 */
const PROPERTY_START =
  /^(?:[A-Za-z0-9-]+\.)?(BEGIN|END|VERSION|N|FN|TEL|EMAIL|ADR|ORG|TITLE|ROLE|NOTE|URL|BDAY|PHOTO|CATEGORIES|NICKNAME|UID|REV|LABEL|X-[A-Za-z0-9-]+)[;:]/i

/**
 * Joins physical lines into content lines: folded lines, quoted-printable soft breaks, and
 * 2.1 base64 blocks that run on without indentation until a blank line.
 */
function contentLines(lines: PhysicalLine[], warnings: string[] = []): string[] {
  // Pieces are joined once at the end: re-concatenating the whole value at every soft break
  // made a value with many of them take quadratic time.
  const out: { pieces: string[]; qp: boolean; base64: boolean }[] = []
  // A blank line ends a property: nothing after it continues the one before.
  let open = false
  for (const { text } of lines) {
    const cur = open ? out[out.length - 1] : undefined
    const last = cur?.pieces[cur.pieces.length - 1]
    const swallows = cur?.qp && last?.endsWith('=') ? PROPERTY_START.exec(text) : null
    if (swallows) {
      // Invalid quoted-printable: a soft break before the next property. Keep them apart.
      const name = cur!.pieces[0]!.slice(0, Math.max(0, headEnd(cur!.pieces[0]!))).split(';')[0]
      warnings.push(
        `the quoted-printable ${name || 'value'} ends in a soft line break right before ` +
          `${swallows[1]!.toUpperCase()}; they were read as two properties`,
      )
      cur!.pieces[cur!.pieces.length - 1] = last!.slice(0, -1)
    }
    if (cur?.qp && last?.endsWith('=') && !swallows) {
      cur.pieces[cur.pieces.length - 1] = last.slice(0, -1)
      cur.pieces.push(text)
    } else if (cur && (text.startsWith(' ') || text.startsWith('\t'))) {
      cur.pieces.push(cur.base64 ? text.trim() : text.slice(1))
    } else if (cur?.base64 && /^[A-Za-z0-9+/=]+$/.test(text)) {
      cur.pieces.push(text)
    } else if (text.trim() === '') {
      open = false
    } else {
      const end = headEnd(text)
      const { params } = parseHead(end >= 0 ? text.slice(0, end) : text, false)
      out.push({
        pieces: [text],
        qp: encodingOf(params) === 'QUOTED-PRINTABLE',
        base64: isBase64(params),
      })
      open = true
    }
  }
  return out.map((c) => c.pieces.join(''))
}

/** The line parser: used for vCard 2.1 and whenever ical.js gives up. */
function parseOwn(
  lines: PhysicalLine[],
  version: string,
  fromText: boolean,
  warnings: string[],
  ours = false,
): Prop[] {
  const props: Prop[] = []
  const caretEscapes = version !== '2.1'
  for (const text of contentLines(lines, warnings)) {
    const end = headEnd(text)
    if (end < 0) continue
    const { group, name, params } = parseHead(text.slice(0, end), caretEscapes)
    if (name === 'BEGIN' || name === 'END') continue
    let raw = text.slice(end + 1)
    if (isBase64(params)) {
      props.push({ group, name, params, parts: [raw.replace(/\s+/g, '')] })
      continue
    }
    const qp = encodingOf(params) === 'QUOTED-PRINTABLE'
    if (qp) raw = decodeQuotedPrintable(raw)
    // A string input is already text, so only quoted-printable bytes need their charset.
    const charset = fromText && !qp ? undefined : params.get('charset')?.[0]
    const value = decodeCharset(raw, charset, warnings).replace(/\r\n/g, '\n')
    let parts: string[]
    if (STRUCTURED.has(name)) parts = splitEscaped(value, ';')
    // Some writers separate categories with ';'; Rapport's own tags may contain one.
    else if (LISTS.has(name)) {
      parts = splitEscaped(value, name === 'CATEGORIES' && !ours ? ',;' : ',')
    } else parts = [unescapeText(value)]
    props.push({ group, name, params, parts })
  }
  return props
}

/**
 * Cleans a 3.0/4.0 card for ical.js: unfolds it, turns bare parameters (Apple's
 * `PHOTO;BASE64:`) into named ones. Returns null for cards that use 2.1 habits ical.js
 * cannot decode (quoted-printable, a non-UTF-8 charset): the line parser takes those.
 */
function forIcal(text: string): string | null {
  const unfolded: string[] = []
  for (const line of text.split('\n')) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && unfolded.length > 0) {
      unfolded[unfolded.length - 1] += line.slice(1)
    } else if (line.trim() !== '') {
      unfolded.push(line)
    }
  }
  const out: string[] = []
  for (const line of unfolded) {
    const end = headEnd(line)
    if (end < 0) return null
    const [name = '', ...params] = splitOutsideQuotes(line.slice(0, end), ';')
    const fixed = params.map((p) => {
      if (p.includes('=')) return p
      return ENCODING_WORDS.has(p.trim().toUpperCase()) ? `ENCODING=${p.trim()}` : `TYPE=${p}`
    })
    for (const p of fixed) {
      const [key = '', value = ''] = p.split('=', 2)
      const k = key.trim().toUpperCase()
      const v = value.trim().replace(/"/g, '').toUpperCase()
      if (k === 'ENCODING' && v === 'QUOTED-PRINTABLE') return null
      if (k === 'CHARSET' && v !== 'UTF-8' && v !== 'UTF8') return null
    }
    out.push([name, ...fixed].join(';') + line.slice(end))
  }
  return out.join('\r\n')
}

type JCardProp = [string, Record<string, string | string[]>, string, ...unknown[]]

function fromJCard(jcard: unknown): Prop[] {
  if (!Array.isArray(jcard) || jcard[0] !== 'vcard' || !Array.isArray(jcard[1])) {
    throw new Error('not a vCard')
  }
  return (jcard[1] as JCardProp[]).map(([rawName, rawParams, type, ...values]) => {
    const params = new Map<string, string[]>()
    let group = ''
    for (const [key, value] of Object.entries(rawParams)) {
      if (key === 'group') group = String(value).toLowerCase()
      else params.set(key.toLowerCase(), Array.isArray(value) ? value : [value])
    }
    // ical.js leaves values it has no type for (X- properties, URIs) escaped, and in text
    // it keeps the \; \: \" escapes that Apple and Gmail write.
    const raw = type === 'unknown' || type === 'uri'
    const parts = values.flatMap((v) => {
      if (Array.isArray(v)) {
        return v.map((c: unknown) => (Array.isArray(c) ? c.join(' ') : String(c)))
      }
      return [String(v)]
    })
    return {
      group,
      name: rawName.toUpperCase(),
      params,
      parts: parts.map((p) => (raw ? unescapeText(p) : p.replace(/\\([;:"])/g, '$1'))),
    }
  })
}

/* ------------------------------------------------------------------------------------ */
/* From properties to a contact                                                          */

const TYPE_NOISE = new Set(['pref', 'internet', 'voice', 'x400', 'msg', 'postal', 'parcel', 'dom'])
const TYPE_WORDS: Record<string, string> = { cell: 'mobile', mobile: 'mobile' }

function typesOf(prop: Prop): string[] {
  return (prop.params.get('type') ?? [])
    .flatMap((t) => t.split(','))
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean)
}

function typeLabel(prop: Prop): string {
  const words = typesOf(prop)
    .filter((t) => !TYPE_NOISE.has(t))
    .map((t) => TYPE_WORDS[t] ?? t)
  return [...new Set(words)].join(' ')
}

const KNOWN_LABELS = new Set([
  'anniversary',
  'birthday',
  'other',
  'spouse',
  'child',
  'mother',
  'father',
  'parent',
  'brother',
  'sister',
  'friend',
  'manager',
  'assistant',
  'partner',
  'fiance',
  'fiancé',
])

/** Apple wraps its built-in labels as `_$!<HomePage>!$_`; those become plain words. */
function unwrapLabel(label: string): string | undefined {
  const wrapped = label.match(/^_\$!<(.*)>!\$_$/)
  if (!wrapped) return undefined
  return wrapped[1]!
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim()
}

/** A label from a type or a property name: the usual ones in lower case. */
function cleanLabel(label: string): string {
  const unwrapped = unwrapLabel(label)
  if (unwrapped !== undefined) return unwrapped
  const t = label.trim()
  return KNOWN_LABELS.has(t.toLowerCase()) ? t.toLowerCase() : t
}

/** An X-ABLabel is the user's own text: kept as written, only Apple's wrapping undone. */
function abLabel(label: string, ours: boolean): string {
  return (ours ? undefined : unwrapLabel(label)) ?? label.trim()
}

const IM_PROPS: Record<string, string> = {
  'X-AIM': 'aim',
  'X-GTALK': 'gtalk',
  'X-GOOGLE-TALK': 'gtalk',
  'X-ICQ': 'icq',
  'X-JABBER': 'xmpp',
  'X-MSN': 'msnim',
  'X-QQ': 'qq',
  'X-SKYPE': 'skype',
  'X-SKYPE-USERNAME': 'skype',
  'X-YAHOO': 'ymsgr',
  'X-TWITTER': 'twitter',
}

const ANNIVERSARY_PROPS = new Set([
  'ANNIVERSARY',
  'X-ANNIVERSARY',
  'X-MS-ANNIVERSARY',
  'X-EVOLUTION-ANNIVERSARY',
])
const SPOUSE_PROPS = new Set(['X-SPOUSE', 'X-MS-SPOUSE', 'X-EVOLUTION-SPOUSE'])
const MANAGER_PROPS = new Set(['X-MANAGER', 'X-MS-MANAGER', 'X-EVOLUTION-MANAGER'])
const ASSISTANT_PROPS = new Set(['X-ASSISTANT', 'X-MS-ASSISTANT', 'X-EVOLUTION-ASSISTANT'])
/** Group names Android and Google give every contact; as tags they say nothing. */
const SYSTEM_GROUPS = new Set(['my contacts', 'starred in android', 'mycontacts', 'starred'])

const MIME_BY_TYPE: Record<string, string> = {
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
}

function sniffImage(bytes: Uint8Array): string | undefined {
  const b = bytes
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png'
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'image/gif'
  if (b[0] === 0x42 && b[1] === 0x4d) return 'image/bmp'
  const riff = String.fromCharCode(...b.subarray(0, 4)) + String.fromCharCode(...b.subarray(8, 12))
  if (riff === 'RIFFWEBP') return 'image/webp'
  return undefined
}

function readPhoto(prop: Prop, draft: Draft): void {
  if (draft.photo) return
  const value = (prop.parts[0] ?? '').trim()
  if (!value) return
  let base64: string | undefined
  let declared = typesOf(prop)
    .map((t) => MIME_BY_TYPE[t.replace(/^image\//, '')])
    .find(Boolean)
  const dataUri = value.match(/^data:([^;,]*)(;base64)?,(.*)$/is)
  if (dataUri) {
    if (!dataUri[2]) {
      draft.warnings.push('photo is not base64 data and was skipped')
      return
    }
    base64 = dataUri[3]
    declared = dataUri[1]?.toLowerCase() || declared
  } else if (isBase64(prop.params)) {
    base64 = value
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    draft.warnings.push('photo is a web link and was not downloaded')
    return
  } else {
    base64 = value
  }
  const bytes = new Uint8Array(Buffer.from(base64!.replace(/\s+/g, ''), 'base64'))
  const mime = sniffImage(bytes) ?? declared
  if (bytes.length === 0 || !mime?.startsWith('image/')) {
    draft.warnings.push('photo could not be read and was skipped')
    return
  }
  // A JPEG ends with FF D9; without it the image was cut short somewhere on its way here.
  let end = bytes.length
  while (end > 0 && bytes[end - 1] === 0) end--
  if (mime === 'image/jpeg' && !(bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9)) {
    draft.warnings.push('photo looks incomplete; it may show only in part')
  }
  draft.photo = { bytes, mime }
}

function addRelated(draft: Draft, label: string, name: string): void {
  const person = name.trim()
  if (!person) return
  if (label.toLowerCase() === 'assistant') {
    draft.assistantName ??= person
    return
  }
  const title = label ? label.charAt(0).toUpperCase() + label.slice(1) : ''
  draft.family.push(title ? `${title}: ${person}` : person)
}

function addLink(draft: Draft, value: string, fallback: 'web' | 'other'): void {
  const v = value.trim()
  if (v) draft.links.push({ kind: linkKind(v, fallback), value: v })
}

/** FullContact hides labels in the property name: X-FCENCODED-<hex of "X-FC-Kind:Label">. */
function decodeFullContact(name: string): { kind: string; label: string } | undefined {
  const hex = name.slice('X-FCENCODED-'.length)
  if (!/^(?:[0-9A-F]{2})+$/i.test(hex)) return undefined
  const text = new TextDecoder().decode(Buffer.from(hex, 'hex'))
  const m = text.match(/^X-FC-([^:]+):(.*)$/)
  return m ? { kind: m[1]!.toLowerCase(), label: cleanLabel(m[2]!) } : undefined
}

type RapportTextField = keyof typeof rapportTextProperties
const RAPPORT_TEXT = new Map<string, RapportTextField>(
  Object.entries(rapportTextProperties).map(([field, name]) => [name, field as RapportTextField]),
)
const RAPPORT_SHORT = new Set<string>(['bestWayToReach', 'assistantName'])
const RAPPORT_ENUMS = {
  'X-RAPPORT-ECOSYSTEM': ['ecosystem', ecosystemSchema],
  'X-RAPPORT-INFLUENCE': ['influence', influenceSchema],
  'X-RAPPORT-CLOSENESS': ['closeness', closenessSchema],
  'X-RAPPORT-TIER': ['tier', tierSchema],
} as const
const MAX_MUTUALS = 200

/** Text of a Rapport field: as written in Rapport's own file, trimmed in anyone else's. */
function rapportText(d: Draft, what: string, raw: string, max: number, short: boolean): string {
  const text = d.verbatim && !short ? raw : raw.trim()
  if (text.length <= max) return text
  d.warnings.push(`${what} was cut to ${max} characters`)
  return text.slice(0, max)
}

/** One X-RAPPORT-* property (see `rapportProperties` in the exporter) into the draft. */
function readRapport(p: Prop, d: Draft): void {
  const raw = p.parts.join(',')
  const value = raw.trim()
  const skip = () => d.warnings.push(`${p.name} "${value}" could not be read and was skipped`)
  const textField = RAPPORT_TEXT.get(p.name)
  if (textField) {
    const short = RAPPORT_SHORT.has(textField)
    const text = rapportText(d, textField, raw, short ? 200 : 20_000, short)
    if (text === '') return
    if (textField === 'family') d.family.unshift(text)
    else d.extra[textField] = text
    return
  }
  if (p.name in RAPPORT_ENUMS) {
    const [field, schema] = RAPPORT_ENUMS[p.name as keyof typeof RAPPORT_ENUMS]
    const parsed = schema.safeParse(value.toLowerCase())
    if (parsed.success) Object.assign(d.extra, { [field]: parsed.data })
    else if (value) skip()
    return
  }
  switch (p.name) {
    case 'X-RAPPORT-FIRSTMET-DATE': {
      const date = parseDate(value)
      if (date.kind === 'date') (d.extra.firstMet ??= {}).date = date.date
      else if (value) skip()
      break
    }
    case 'X-RAPPORT-FIRSTMET-PLACE': {
      const place = rapportText(d, 'first met place', raw, 200, true)
      if (place) (d.extra.firstMet ??= {}).place = place
      break
    }
    case 'X-RAPPORT-FIRSTMET-HOW': {
      const how = rapportText(d, 'first met how', raw, 20_000, false)
      if (how) (d.extra.firstMet ??= {}).how = how
      break
    }
    case 'X-RAPPORT-CADENCEDAYS': {
      const days = contactFieldsShape.cadenceDays.safeParse(/^\d+$/.test(value) ? +value : NaN)
      if (days.success && days.data !== undefined) d.extra.cadenceDays = days.data
      else if (value) skip()
      break
    }
    case 'X-RAPPORT-ARCHIVED':
      if (/^(true|false)$/i.test(value)) d.extra.archived = value.toLowerCase() === 'true'
      else if (value) skip()
      break
    case 'X-RAPPORT-INTRODUCEDBYID': {
      // Ids mean something only in the store they came from; the import service checks them.
      const id = idSchema.safeParse(d.verbatim ? raw : value)
      if (id.success) d.extra.introducedById = id.data
      else if (value) skip()
      break
    }
    case 'X-RAPPORT-MUTUALIDS': {
      const id = idSchema.safeParse(d.verbatim ? raw : value)
      if (!id.success) {
        if (value) skip()
      } else if ((d.extra.mutualIds?.length ?? 0) >= MAX_MUTUALS) {
        d.warnings.push(`only the first ${MAX_MUTUALS} mutual acquaintances were kept`)
      } else {
        ;(d.extra.mutualIds ??= []).push(id.data)
      }
      break
    }
    // Anything newer than this reader is left alone.
  }
}

/** A link's kind from its TYPE parameter, when that names one of Rapport's kinds. */
function kindFromType(p: Prop): Draft['links'][number]['kind'] | undefined {
  const kind = linkKindSchema.safeParse(typesOf(p)[0])
  return kind.success ? kind.data : undefined
}

function mapCard(props: Prop[], line: number, warnings: string[], ours: boolean): ImportRow {
  const d = newDraft()
  d.verbatim = ours
  d.warnings.push(...warnings)
  const groupLabels = new Map<string, string>()
  for (const p of props) {
    if (p.name === 'X-ABLABEL' && p.group) {
      groupLabels.set(p.group, abLabel(p.parts.join(','), ours))
    }
  }
  const labelOf = (p: Prop) => (p.group ? groupLabels.get(p.group) : undefined)
  const seenAltIds = new Set<string>()
  let fn: string | undefined
  let n: string[] | undefined
  let title: string | undefined
  let role: string | undefined
  let uid: string | undefined

  for (const p of props) {
    const value = (p.parts[0] ?? '').trim()
    // 4.0 ALTID marks the same fact written several ways (e.g. two BDAYs): keep the first.
    const altId = p.params.get('altid')?.[0]
    if (altId) {
      const key = `${p.name}|${altId}`
      if (seenAltIds.has(key)) continue
      seenAltIds.add(key)
    }
    switch (p.name) {
      case 'FN':
        if (value) fn ??= value
        break
      case 'UID':
        // Rapport writes its contact id here; X-RAPPORT-* links of other cards name it.
        if (value) uid ??= value.replace(/^urn:uuid:/i, '')
        break
      case 'N':
        if (p.parts.some((x) => x.trim())) n ??= p.parts
        break
      case 'NICKNAME':
        d.nickname ??= p.parts.map((x) => x.trim()).find(Boolean)
        break
      case 'ORG':
        if (value) d.organization ??= value
        break
      case 'TITLE':
        if (value) title ??= value
        break
      case 'ROLE':
        if (value) role ??= value
        break
      case 'EMAIL':
        // Rapport leaves out the X-ABLabel only when the label is exactly the TYPE.
        d.emails.push({ label: labelOf(p) ?? (ours ? typesOf(p).join(' ') : typeLabel(p)), value })
        break
      case 'TEL':
        d.phones.push({
          label: labelOf(p) ?? (ours ? typesOf(p).join(' ') : typeLabel(p)),
          // Rapport writes numbers as text, as typed.
          value: ours ? value : value.replace(/^tel:/i, ''),
        })
        break
      case 'URL':
        // Rapport says the kind in TYPE (none for a web page); others are guessed from the address.
        if (ours) {
          if (value) d.links.push({ kind: kindFromType(p) ?? 'web', value })
        } else {
          addLink(d, value, 'web')
        }
        break
      case 'X-SOCIALPROFILE': {
        const type = typesOf(p)[0] ?? ''
        const user = p.params.get('x-user')?.[0]
        const kind = linkKind(value, /^https?:/i.test(value) ? 'web' : 'other')
        const fromType = ours
          ? kindFromType(p)
          : (['linkedin', 'wechat', 'weibo'] as const).find((k) => k === type)
        if (value || user) d.links.push({ kind: fromType ?? kind, value: value || user! })
        break
      }
      case 'IMPP': {
        // A WeChat id, as Rapport and others write it: the id is what people exchange.
        const wechat = value.match(/^weixin:(?!\/\/)(.+)$/i)
        if (wechat) d.links.push({ kind: 'wechat', value: wechat[1]! })
        else addLink(d, value, 'other')
        break
      }
      case 'X-WECHAT':
      case 'X-WEIXIN':
        if (value) d.links.push({ kind: 'wechat', value })
        break
      case 'X-MS-IMADDRESS':
        addLink(d, value, 'other')
        break
      case 'BDAY':
        // Apple's and Android's ways to say "no year"; Rapport always writes a whole date.
        if (!ours && (p.params.has('x-apple-omit-year') || value.startsWith('1604-'))) {
          d.warnings.push(`birthday "${value}" has no year, so it was skipped`)
        } else {
          addDate(d, labelOf(p) ?? 'birthday', value)
        }
        break
      case 'X-ABDATE':
        // Rapport writes a date without a label as a bare X-ABDATE.
        addDate(d, labelOf(p) ?? (ours ? '' : 'other'), value)
        break
      case 'NOTE':
        d.notes.push(p.parts.join('\n'))
        break
      case 'CATEGORIES':
        if (ours) {
          // Rapport escapes the commas inside a tag; the unescaped ones are the only separators.
          d.tags.push(...p.parts)
          break
        }
        // Some exporters escape the commas between categories, so split on them again.
        for (const part of p.parts) {
          d.tags.push(
            ...part.split(/[,，、]/).filter((t) => !SYSTEM_GROUPS.has(t.trim().toLowerCase())),
          )
        }
        break
      case 'INTEREST':
        // RFC 6715, one interest per property.
        d.interests.push(p.parts.join(','))
        break
      case 'PHOTO':
        readPhoto(p, d)
        break
      case 'X-ABRELATEDNAMES':
        addRelated(d, labelOf(p) ?? '', value)
        break
      case 'RELATED':
        // Only plain names; links to other cards (urn:uuid:…) have nothing to show here.
        if (value && !/^[a-z][a-z0-9+.-]*:/i.test(value)) {
          addRelated(d, cleanLabel(typesOf(p)[0] ?? ''), value)
        }
        break
      default:
        if (p.name.startsWith('X-RAPPORT-')) readRapport(p, d)
        else if (ANNIVERSARY_PROPS.has(p.name)) addDate(d, labelOf(p) ?? 'anniversary', value)
        else if (SPOUSE_PROPS.has(p.name)) addRelated(d, 'spouse', value)
        else if (MANAGER_PROPS.has(p.name)) addRelated(d, 'manager', value)
        else if (ASSISTANT_PROPS.has(p.name)) addRelated(d, 'assistant', value)
        else if (IM_PROPS[p.name] && value) {
          d.links.push({ kind: 'other', value: `${IM_PROPS[p.name]}:${value}` })
        } else if (p.name.startsWith('X-FCENCODED-')) {
          const fc = decodeFullContact(p.name)
          if (fc?.kind === 'relatednames') addRelated(d, fc.label, value)
          else if (fc?.kind === 'otherdates') addDate(d, fc.label, value)
        }
    }
  }

  // Rapport writes a Chinese name's own parts into N when the card has none (王;小明) and says
  // so: reading them back would add parts the contact did not have.
  const derivedN =
    ours && props.some((p) => p.name === 'X-RAPPORT-NAMEPARTS' && p.parts.join('') === 'derived')
  if (n && !derivedN) {
    d.familyName = n[0]?.trim()
    d.givenName = n[1]?.trim()
  }
  d.name = fn
  d.role = title ?? role
  // Outlook's "profession" lands in ROLE next to the job title; it says what they do.
  if (title && role && role !== title) d.whatTheyDo = role
  const row = finishRow(line, d)
  return uid ? { ...row, sourceId: uid } : row
}

/* ------------------------------------------------------------------------------------ */

interface RawCard {
  line: number
  lines: PhysicalLine[]
  closed: boolean
}

const CARD_MARKER = /^\s*(BEGIN|END):VCARD\s*$/i

function splitCards(bin: string): RawCard[] {
  // iOS ends lines with \r\r\n; a lone \r inside a value (Thunderbird) is not a line break.
  const physical = bin.split(/\r*\n/)
  const cards: RawCard[] = []
  let current: RawCard | null = null
  let depth = 0
  physical.forEach((text, i) => {
    // An indented line continues the one before (a folded NOTE may put "END:VCARD" there);
    // only outside a card is a stray indent forgiven.
    const indented = text.startsWith(' ') || text.startsWith('\t')
    // Tested, not trimmed and upper-cased: that made two copies of every line of a large file.
    const marker = indented && depth > 0 ? null : CARD_MARKER.exec(text)
    const word = marker ? `${marker[1]!.toUpperCase()}:VCARD` : ''
    if (word === 'BEGIN:VCARD') {
      depth++
      if (depth === 1) {
        current = { line: i + 1, lines: [], closed: false }
        cards.push(current)
        return
      }
    } else if (word === 'END:VCARD' && depth > 0) {
      depth--
      if (depth === 0 && current) {
        current.closed = true
        current = null
        return
      }
    }
    ;(current as RawCard | null)?.lines.push({ text, line: i + 1 })
  })
  return cards
}

function versionOf(card: RawCard): string {
  for (const { text } of card.lines) {
    const m = text.match(/^VERSION:\s*([\d.]+)/i)
    if (m) return m[1]!
  }
  return '3.0'
}

/** The PRODID `contactsToVCard` writes. */
const OWN_PRODID = /^PRODID(;[^:]*)?:-\/\/Rapport\/\/Rapport\/\/EN$/i

/** Whether Rapport wrote the card (a folded continuation line never starts a property). */
function isOwnCard(card: RawCard): boolean {
  return card.lines.some(({ text }) => OWN_PRODID.test(text.trimEnd()))
}

function readCard(card: RawCard, fromText: boolean): ImportRow {
  const warnings: string[] = []
  if (!card.closed) warnings.push('the card has no END:VCARD line')
  const version = versionOf(card)
  const ours = isOwnCard(card)
  let props: Prop[] | undefined
  if (version !== '2.1' && !ours) {
    const text = decodeUtf8(card.lines.map((l) => l.text).join('\n'), warnings)
    const cleaned = forIcal(text)
    if (cleaned !== null) {
      try {
        props = fromJCard(ICAL.parse(`BEGIN:VCARD\r\n${cleaned}\r\nEND:VCARD\r\n`))
      } catch {
        props = undefined
      }
    }
  }
  props ??= parseOwn(card.lines, version, fromText, warnings, ours)
  return mapCard(props, card.line, [...new Set(warnings)], ours)
}

/** Reads every card in a .vcf file; `line` of each row is its BEGIN:VCARD line. */
export function parseVCards(input: Uint8Array | string): ImportRow[] {
  let bin: string
  let fromText = typeof input === 'string'
  if (typeof input === 'string') {
    bin = toBinary(new TextEncoder().encode(input.replace(/^\uFEFF/, '')))
  } else if (input[0] === 0xff && input[1] === 0xfe) {
    // Windows tools sometimes save "Unicode" (UTF-16LE) vCards.
    const text = new TextDecoder('utf-16le').decode(input.subarray(2))
    bin = toBinary(new TextEncoder().encode(text))
    fromText = true
  } else {
    const bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf
    bin = toBinary(bom ? input.subarray(3) : input)
  }
  return splitCards(bin).map((card) => readCard(card, fromText))
}
