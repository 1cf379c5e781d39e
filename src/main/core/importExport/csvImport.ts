import chardet from 'chardet'
import type { z } from 'zod'
import { columnTargetSchema, type csvEncodingSchema } from '../../../shared/contract'
import Papa from 'papaparse'
import {
  addDate,
  assembleName,
  finishRow,
  linkKind,
  newDraft,
  setFirstMet,
  type ImportRow,
} from './importRow'

/**
 * CSV contact lists: decoding, finding the header, suggesting what each column means, and
 * turning rows into ImportRows once the user has confirmed the mapping.
 */

export type CsvEncoding = z.infer<typeof csvEncodingSchema>

/** chardet's names for the encodings Rapport reads; Latin-1 files are read as Windows-1252. */
const FROM_CHARDET: Record<string, CsvEncoding> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  GB18030: 'gb18030',
  Big5: 'big5',
  Shift_JIS: 'shift_jis',
  'windows-1252': 'windows-1252',
  'ISO-8859-1': 'windows-1252',
}

/** The decoder label of each encoding; the BOM variants drop their BOM first. */
const DECODER: Record<CsvEncoding, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  gb18030: 'gb18030',
  big5: 'big5',
  shift_jis: 'shift_jis',
  'windows-1252': 'windows-1252',
}

function bomOf(bytes: Uint8Array): { encoding: CsvEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8-bom', length: 3 }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return null
}

/**
 * The encoding a file is most likely in: its BOM; else UTF-8 when the bytes are valid UTF-8;
 * else chardet's best guess among the encodings spreadsheet and address-book apps write
 * (UTF-16 without BOM, GB18030 from Chinese Windows, Big5 from Taiwan and Hong Kong, Shift_JIS
 * from Japan, Windows-1252 from Outlook and Excel in Western Europe and the Americas).
 */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  const bom = bomOf(bytes)
  if (bom) return bom.encoding
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return 'utf-8'
  } catch {
    // Not UTF-8: ask the detector.
  }
  // The first 64 KB decide; more only costs time.
  const sample = bytes.subarray(0, 65_536)
  for (const guess of chardet.analyse(sample)) {
    const known = FROM_CHARDET[guess.name]
    if (known && known !== 'utf-8') {
      // A few lines give chardet too little to go on (it then scores 10 to 20); GB18030, what
      // spreadsheet apps on Chinese Windows write, is the likelier file here. The preview shows
      // the guess and the user can change it.
      return guess.confidence >= MIN_CONFIDENCE ? known : 'gb18030'
    }
  }
  return 'gb18030'
}

/** chardet's confidence (0–100) below which its guess is not evidence. */
const MIN_CONFIDENCE = 20

/**
 * Decodes with the encoding given (the user's choice in the preview) or the detected one.
 * A BOM is dropped whichever encoding is used.
 */
export function decodeText(
  bytes: Uint8Array,
  chosen?: CsvEncoding,
): { text: string; encoding: CsvEncoding } {
  const encoding = chosen ?? detectEncoding(bytes)
  const bom = bomOf(bytes)
  const body = bom ? bytes.subarray(bom.length) : bytes
  return { text: new TextDecoder(DECODER[encoding]).decode(body), encoding }
}

export interface CsvTable {
  headers: string[]
  /** Data rows after the header; blank rows are left out. `line` is the row's first line. */
  rows: { line: number; cells: string[]; problem?: string }[]
  /** 1-based line of the header row. */
  headerLine: number
  encoding: CsvEncoding
  /** Lines before the header, e.g. the notes LinkedIn puts at the top of Connections.csv. */
  preamble: string[]
  delimiter: string
}

interface CsvRecord {
  line: number
  cells: string[]
  problem?: string
}

function parseRecords(text: string, delimiter: string, preview = 0): CsvRecord[] {
  const records: CsvRecord[] = []
  let start = 0
  let line = 1
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    skipEmptyLines: false,
    preview,
    step: (result) => {
      const end = result.meta.cursor
      const problem =
        result.errors[0]?.code === 'MissingQuotes' ? 'a quote is not closed' : undefined
      records.push({ line, cells: result.data, ...(problem ? { problem } : {}) })
      // The next record starts on the line after every line break this one spanned.
      for (let i = start; i < end && i < text.length; i++) if (text[i] === '\n') line++
      start = end
    },
  })
  return records
}

const nonEmpty = (cells: string[]) => cells.filter((c) => c.trim() !== '').length
const DELIMITERS = [',', '\t', ';', '|']
const SCAN = 10

/**
 * The delimiter that splits the opening records widest; comma wins ties. Semicolons come from
 * Excel in locales with a decimal comma, tabs from Outlook's "Unicode" export.
 */
function detectDelimiter(text: string): string {
  let best = ','
  let bestWidth = 0
  for (const delimiter of DELIMITERS) {
    const records = parseRecords(text, delimiter, SCAN)
    const width = Math.max(0, ...records.map((r) => nonEmpty(r.cells)))
    if (width > bestWidth) {
      best = delimiter
      bestWidth = width
    }
  }
  return best
}

/**
 * The header is the first of the opening records that names at least two columns we know;
 * failing that, the first of them with as many fields as the widest. Either way notes above
 * the header, like LinkedIn's, are skipped: they are prose, one field wide.
 */
function findHeader(records: CsvRecord[]): number {
  const opening = records.slice(0, SCAN)
  const known = opening.findIndex(
    (r) => suggestMapping(r.cells).filter((t) => t !== 'ignore').length >= 2,
  )
  if (known >= 0) return known
  const widest = Math.max(0, ...opening.map((r) => nonEmpty(r.cells)))
  return Math.max(
    0,
    opening.findIndex((r) => nonEmpty(r.cells) === widest),
  )
}

export function readCsv(input: Uint8Array | string, encoding?: CsvEncoding): CsvTable {
  const decoded =
    typeof input === 'string'
      ? { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' as const }
      : decodeText(input, encoding)
  // One line ending for Papa Parse and the line count; old Mac files use a bare \r.
  let text = decoded.text.replace(/\r\n/g, '\n')
  if (!text.includes('\n')) text = text.replace(/\r/g, '\n')
  if (text.endsWith('\n')) text = text.slice(0, -1)
  const delimiter = detectDelimiter(text)
  const records = text === '' ? [] : parseRecords(text, delimiter)
  const at = findHeader(records)
  const header = records[at]
  const headers = (header?.cells ?? []).map((h) => h.trim())
  return {
    headers,
    rows: records
      .slice(at + 1)
      .filter((r) => nonEmpty(r.cells) > 0)
      .map((r) => ({ line: r.line, cells: r.cells, ...(r.problem ? { problem: r.problem } : {}) })),
    headerLine: header?.line ?? 1,
    encoding: decoded.encoding,
    preamble: text.split('\n').slice(0, (header?.line ?? 1) - 1),
    delimiter,
  }
}

/* ------------------------------------------------------------------------------------ */
/* Column mapping                                                                         */

/** What a CSV column can hold; the contract's list, so the mapping step and the parser agree. */
export const columnTargets = columnTargetSchema.options
export type ColumnTarget = (typeof columnTargets)[number]

/** Lower case, punctuation to spaces, column numbers ("E-mail 2 - Value") dropped. */
function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[_\-:：?？#.'’()（）/]/g, ' ')
    .replace(/\b\d+\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

const HEADER_WORDS: Record<Exclude<ColumnTarget, 'ignore'>, string[]> = {
  name: [
    'name',
    'full name',
    'display name',
    'contact name',
    'attendee name',
    'guest name',
    '姓名',
    '名字',
    '全名',
    '联系人',
    '联系人姓名',
    '氏名',
    '名前',
  ],
  givenName: ['first name', 'firstname', 'given name', 'first', 'forename', '名'],
  familyName: ['last name', 'lastname', 'family name', 'surname', 'last', '姓', '姓氏'],
  nickname: ['nickname', 'nick name', 'short name', '昵称'],
  email: [
    'email',
    'e mail',
    'email address',
    'e mail address',
    'email value',
    'e mail value',
    'primary email',
    'secondary email',
    'work email',
    'home email',
    'personal email',
    'mail',
    '邮箱',
    '电子邮件',
    '电子邮箱',
    '邮件',
    '邮箱地址',
    '電子郵件',
    '電郵',
    'メールアドレス',
    'メール',
  ],
  phone: [
    'phone',
    'phone number',
    'phone value',
    'telephone',
    'tel',
    'mobile',
    'mobile phone',
    'mobile number',
    'cell',
    'cell phone',
    'work phone',
    'home phone',
    'business phone',
    'primary phone',
    'other phone',
    'company main phone',
    'fax number',
    'pager number',
    '手机',
    '手机号',
    '手机号码',
    '电话',
    '电话号码',
    '联系电话',
    '移动电话',
    '办公电话',
    '座机',
    '電話',
    '手機',
    '電話番号',
    '携帯電話',
  ],
  organization: [
    'company',
    'company name',
    'organization',
    'organisation',
    'organization name',
    'employer',
    '公司',
    '公司名称',
    '单位',
    '工作单位',
    '机构',
    '组织',
    '會社',
    '会社',
    '会社名',
  ],
  role: [
    'job title',
    'position',
    'role',
    'organization title',
    '职位',
    '职务',
    '头衔',
    '岗位',
    '職稱',
    '職位',
    '役職',
  ],
  linkedin: ['linkedin', 'linkedin url', 'linkedin profile', '领英'],
  wechat: ['wechat', 'wechat id', 'weixin', '微信', '微信号'],
  website: [
    'website',
    'website value',
    'web site',
    'web page',
    'homepage',
    'home page',
    'url',
    'blog',
    '网站',
    '主页',
    '个人主页',
    '网址',
  ],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'description', '备注', '说明', '附注'],
  tags: [
    'tags',
    'tag',
    'labels',
    'categories',
    'category',
    'group membership',
    'groups',
    'group',
    '标签',
    '分组',
    '分类',
  ],
  birthday: ['birthday', 'birth date', 'birthdate', 'date of birth', 'dob', '生日', '出生日期'],
  // When the connection began. Not Eventbrite's "Order Date" nor Luma's "created_at": a ticket
  // bought is not a meeting.
  firstMet: [
    'connected on',
    'connected',
    'date connected',
    'connection date',
    'first met',
    'met on',
    'date met',
    'date added',
    'added on',
    'created',
    'created on',
    'date created',
    'create date',
    '认识时间',
    '认识日期',
    '相识时间',
    '相识日期',
    '添加时间',
    '添加日期',
    '创建时间',
    '创建日期',
    '建立联系时间',
  ],
}

const BY_WORD = new Map<string, ColumnTarget>(
  Object.entries(HEADER_WORDS).flatMap(([target, words]) =>
    words.map((w) => [w, target as ColumnTarget] as const),
  ),
)

/**
 * A first guess at each column's meaning, for Google, Outlook, Thunderbird, LinkedIn,
 * Eventbrite and Luma exports and common Chinese headers. The user confirms it.
 */
export function suggestMapping(headers: string[]): ColumnTarget[] {
  const normalised = headers.map(normaliseHeader)
  const present = new Set(normalised)
  const has = (word: string) => present.has(word)
  const taken = new Set<ColumnTarget>()
  return normalised.map((h) => {
    let target: ColumnTarget = BY_WORD.get(h) ?? 'ignore'
    // Outlook's "Title" is Mr./Ms. when a "Job Title" column exists; elsewhere it is the job.
    if (h === 'title') target = has('job title') ? 'ignore' : 'role'
    // LinkedIn's Connections.csv calls the profile link just "URL".
    if (h === 'url' && has('connected on')) target = 'linkedin'
    if (target === 'ignore' && h) {
      // Free-text questions, as Luma's custom registration questions.
      if (h.includes('linkedin')) target = 'linkedin'
      else if (h.includes('wechat') || h.includes('微信')) target = 'wechat'
      else if (h.includes('github')) target = 'website'
    }
    // One column is the name; a second "name"-like column (e.g. a company's) is left alone.
    if (target === 'name' && taken.has('name')) target = 'ignore'
    taken.add(target)
    return target
  })
}

/* ------------------------------------------------------------------------------------ */

/** A label for a phone or email column from its header, e.g. "Mobile Phone" → mobile. */
function labelFromHeader(header: string): string {
  const h = header.toLowerCase()
  if (/mobile|cell|手机|移动/.test(h)) return 'mobile'
  if (/fax|传真/.test(h)) return 'fax'
  if (/pager/.test(h)) return 'pager'
  if (/home|personal|住宅|家/.test(h)) return 'home'
  if (/work|business|office|company|办公|工作|单位/.test(h)) return 'work'
  return ''
}

/**
 * Google's "E-mail 1 - Value" has its label in the "E-mail 1 - Type"/"- Label" column. One pass
 * over the headers: a file with thousands of columns must not compare each with every other.
 */
function labelColumns(headers: string[]): number[] {
  const labelAt = new Map<string, number>()
  headers.forEach((h, i) => {
    const prefix = suffixPrefix(h, ['type', 'label'])
    if (prefix !== null && !labelAt.has(prefix)) labelAt.set(prefix, i)
  })
  return headers.map((h) => {
    const prefix = suffixPrefix(h, ['value'])
    return prefix === null ? -1 : (labelAt.get(prefix) ?? -1)
  })
}

/**
 * "E-mail 1 - Value" → "e-mail 1" for the suffix "value": the text before the last " - ",
 * lower-cased. Plain string work, not a backtracking pattern, so long headers stay linear.
 */
function suffixPrefix(header: string, suffixes: string[]): string | null {
  const lower = header.toLowerCase()
  const dash = lower.lastIndexOf('-')
  // Only whitespace may stand between the dash and the suffix.
  if (dash < 0 || !suffixes.includes(lower.slice(dash + 1).trimStart())) return null
  return lower.slice(0, dash).trimEnd()
}

/**
 * Splits on separators and trims each piece, which removes the whitespace around every
 * separator as `\s*SEP\s*` would, without that pattern's quadratic backtracking on a long run
 * of spaces. `cell` is already trimmed.
 */
function splitTrimmed(cell: string, separators: RegExp): string[] {
  return cell.split(separators).map((piece) => piece.trim())
}

/** Google joins several values in one cell with " ::: ". */
const splitMulti = (cell: string) => splitTrimmed(cell, /:::/)

export function csvToRows(table: CsvTable, mapping: ColumnTarget[]): ImportRow[] {
  const { headers } = table
  const labelColumnOf = labelColumns(headers)
  return table.rows.map(({ line, cells, problem }) => {
    const d = newDraft()
    if (problem) d.warnings.push(problem)
    let given = ''
    let family = ''
    const notes: string[] = []
    mapping.forEach((target, i) => {
      const cell = (cells[i] ?? '').trim()
      if (!cell || target === 'ignore') return
      const labelCell = labelColumnOf[i]! >= 0 ? (cells[labelColumnOf[i]!] ?? '').trim() : ''
      const label =
        labelCell.replace(/^\*\s*/, '').toLowerCase() || labelFromHeader(headers[i] ?? '')
      switch (target) {
        case 'name':
          d.name ??= cell
          break
        case 'givenName':
          given ||= cell
          break
        case 'familyName':
          family ||= cell
          break
        case 'nickname':
          d.nickname ??= cell
          break
        case 'email':
          for (const value of splitTrimmed(cell, /:::|[;,；，\s]/)) {
            if (value) d.emails.push({ label, value })
          }
          break
        case 'phone':
          for (const value of splitMulti(cell)) if (value) d.phones.push({ label, value })
          break
        case 'organization':
          d.organization ??= splitMulti(cell)[0]
          break
        case 'role':
          d.role ??= splitMulti(cell)[0]
          break
        case 'linkedin':
          d.links.push({ kind: 'linkedin', value: cell })
          break
        case 'wechat':
          d.links.push({ kind: 'wechat', value: cell })
          break
        case 'website':
          for (const value of splitMulti(cell)) {
            if (value) d.links.push({ kind: linkKind(value, 'web'), value })
          }
          break
        case 'notes':
          notes.push(cell)
          break
        case 'tags':
          // "* myContacts" and "* starred" are Google's own groups, not the user's.
          d.tags.push(
            ...splitTrimmed(cell, /:::|[,;，；、]/).filter((t) => t && !t.startsWith('*')),
          )
          break
        case 'birthday':
          addDate(d, 'birthday', cell)
          break
        case 'firstMet':
          setFirstMet(d, cell)
          break
      }
    })
    if (given) d.givenName = given
    if (family) d.familyName = family
    if (!d.name) d.name = assembleName(given, family)
    d.notes = notes
    return finishRow(line, d)
  })
}
