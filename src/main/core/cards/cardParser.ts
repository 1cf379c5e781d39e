import type { CountryCode } from 'libphonenumber-js'
import type { CardFields } from '../../../shared/cards/cardFields'
import { linkedInProfileKey } from '../contacts/identity/linkedin'
import { toE164 } from '../contacts/identity/phone'
import { withinOneEdit } from '../contacts/duplicates'

const HAN = /\p{Script=Han}/u
const HAN_RUN = /^\p{Script=Han}{2,4}/u

/**
 * The OCR text cleaned for parsing: full-width forms folded (NFKC turns "：" into ":"), and the
 * spaces tesseract puts between Chinese characters ("周明 远") removed.
 */
export function cleanCardText(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/(\p{Script=Han})[ \t]+(?=\p{Script=Han})/gu, '$1')
        .replace(/[ \t]+/g, ' ')
        .trim(),
    )
    .filter((line) => line.length > 0)
}

// Labels printed before a value, in either language; a line's label says what the value is.
const PHONE_LABEL = /^(?:mobile|mob|cell|tel|phone|ph|m|t|h|手机|电话|移动电话|座机|办公电话)\b/i
const FAX_LABEL = /(?:fax|传真)/i
// OCR reads "WeChat" as "WecChat" or "WeacChat" on small print.
const WECHAT_LABEL = /(?:\bwe\w{0,2}chat|weixin|微信|\bwx\b)\s*(?:id|号)?\s*:?\s*/i
const WEB_LABEL = /^(?:web|website|site|url|网址|网站|主页)\b/i
const ADDRESS_LABEL = /^(?:add|addr|address|地址)\b/i
// Everything up to the last ":" of a short label (including labels OCR read badly, such as "M'").
const LABEL_PREFIX = /^[^:]{0,14}:\s*/

const ORGANIZATION_WORDS =
  /(?:公司|集团|资本|研究院|设计院|研究所|大学|学院|银行|事务所|工作室|基金|协会|中心|医院|\b(?:co|ltd|inc|llc|gmbh|corp|corporation|company|labs?|ventures|consulting|media|analytics|capital|group|technologies|technology|university|institute|partners|studio|bank|foundation|plc)\b)/i
const TITLE_WORDS =
  /(?:经理|总监|总裁|总经理|工程师|创始人|董事|主任|主管|顾问|合伙人|设计师|研究员|首席|执行官|副总|专员|教授|\b(?:ceo|cto|cfo|coo|cmo|vp|director|manager|engineer|head|officer|president|founder|designer|scientist|executive|partner|consultant|analyst|lead|developer|architect|professor|researcher|associate|specialist|chief|principal)\b)/i
const CHINESE_ADDRESS = /(?:省|市|区|县|路|街|道|号|大厦|园|楼|室)/
const WESTERN_ADDRESS =
  /^\d+[A-Za-z]?\s+\S.*\b(?:street|st|avenue|ave|road|rd|lane|ln|boulevard|blvd|drive|dr|way|square|place|plaza|court|ct)\b/i
const EMAIL = /[A-Za-z0-9._%+-]+\s*@\s*[A-Za-z0-9-]+(?:\s*[.,]\s*[A-Za-z0-9-]+)*/
const PHONE_RUN = /\+?\s*\(?\d[\d\s().\-/]{5,}\d/g
const DOMAIN =
  /\b(?:https?:\/\/)?((?:www[.,]?)?[a-z0-9-]+(?:[.,][a-z0-9-]+)*[.,](?:com|cn|net|org|io|co|uk|vc|media|ai|app|dev|de|fr|jp|hk|tw|sg|info|biz|me)(?:[.,](?:cn|uk|hk|jp|au|nz))?)\b/i

// Two-character family names; any other Chinese name starts with a one-character family name.
const COMPOUND_FAMILY_NAMES = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
]

export interface ParseOptions {
  /** The region national phone numbers are read in; Chinese cards default to China. */
  region?: CountryCode
}

/** Reads the fields of a business card from its OCR text. Pure: the same text, the same fields. */
export function parseCardText(text: string, options: ParseOptions = {}): CardFields {
  const lines = cleanCardText(text)
  // A few stray Chinese characters are OCR noise on an English card (a "+" read as "二").
  const chinese = (lines.join('').match(/\p{Script=Han}/gu)?.length ?? 0) >= 4
  const region = options.region ?? (chinese ? 'CN' : undefined)
  const fields: CardFields = { name: '', title: '', organization: '', phones: [], emails: [] }
  const rest: string[] = []

  // Labels printed in a column of their own ("手机:" … then the values below, in order).
  const pendingLabels: string[] = []
  for (const printed of lines) {
    if (/^[^:\d@]{1,14}:$/.test(printed)) {
      pendingLabels.push(printed)
      continue
    }
    const label =
      !LABEL_PREFIX.test(printed) && pendingLabels.length > 0 ? pendingLabels.shift() : ''
    const line = label ? `${label} ${printed}` : printed
    const value = line.replace(LABEL_PREFIX, '').replace(/^[\s:;.,]+/, '')
    if (/linked\s*in/i.test(line)) {
      fields.linkedin ??= readLinkedIn(line)
      continue
    }
    const email = EMAIL.exec(line)
    if (email) {
      fields.emails.push(email[0].replace(/\s+/g, '').replace(/,/g, '.').toLowerCase())
      continue
    }
    if (WECHAT_LABEL.test(line)) {
      const id = /[A-Za-z][-_A-Za-z0-9]{5,19}/.exec(line.replace(WECHAT_LABEL, ' '))
      if (id && !fields.wechat) fields.wechat = id[0]
      continue
    }
    if (ADDRESS_LABEL.test(line) || (LABEL_PREFIX.test(line) && /地址/.test(line))) {
      fields.address ??= value
      continue
    }
    if (WEB_LABEL.test(line) || /网址|网站/.test(line) || /^(?:https?:\/\/|www\b)/i.test(value)) {
      fields.website ??= readWebsite(value)
      continue
    }
    if (FAX_LABEL.test(line)) continue
    const phones = readPhones(line, region)
    if (
      phones.length > 0 &&
      (PHONE_LABEL.test(line) || LABEL_PREFIX.test(line) || isMostlyDigits(line))
    ) {
      fields.phones.push(...phones)
      continue
    }
    if (
      WESTERN_ADDRESS.test(value) ||
      (chinese && /\d/.test(line) && CHINESE_ADDRESS.test(line) && line.length >= 8)
    ) {
      fields.address ??= value
      continue
    }
    rest.push(line)
  }

  fields.phones = [...new Set(fields.phones)]
  fields.emails = [...new Set(fields.emails)].map((email) =>
    repairEmailDomain(email, fields.website),
  )
  readPeople(rest, fields, chinese)
  return dropEmpty(fields)
}

function isMostlyDigits(line: string): boolean {
  const digits = line.replace(/\D/g, '').length
  return digits >= 7 && digits / line.replace(/\s/g, '').length > 0.6
}

/** Every number on the line that libphonenumber reads as a possible phone number, in E.164. */
function readPhones(line: string, region: CountryCode | undefined): string[] {
  const found: string[] = []
  for (const match of line.matchAll(PHONE_RUN)) {
    const candidate = match[0].replace(/\s+/g, ' ').trim()
    if (candidate.replace(/\D/g, '').length < 7) continue
    // A number whose "+" OCR lost ("1 (415) 207-7020") is read as international when it can be.
    const e164 =
      toE164(candidate, region) ??
      (candidate.startsWith('+') || candidate.replace(/\D/g, '').length < 10
        ? null
        : toE164(`+${candidate}`))
    if (e164) found.push(e164)
  }
  return found
}

/** "linkedin.com/in/<slug>", also from OCR that broke the address ("linkedin.coryin/emma-b"). */
function readLinkedIn(line: string): string | undefined {
  // The "/" after "in" is often read as "f", "l" or "|" ("linkedin.com/infemma-b").
  const slug = /\/(?:in[/fl|])?([A-Za-z0-9][A-Za-z0-9_%-]{2,99})\/?\s*$/.exec(line)?.[1]
  if (!slug) return undefined
  const address = `linkedin.com/in/${slug}`
  return linkedInProfileKey(address) ? address : undefined
}

/** A web address as printed, with the dots OCR read as commas or spaces put back. */
function readWebsite(value: string): string | undefined {
  let text = value
    .replace(/\s*([.,])\s*/g, '.')
    .replace(/\s+/g, '.')
    .replace(/,/g, '.')
  text = text.replace(/^www(?=[a-z0-9])(?!\.)/i, 'www.')
  const match = DOMAIN.exec(text)
  return match?.[1] ? match[1].toLowerCase() : undefined
}

/**
 * OCR often loses the dot before a top-level domain ("name@quantumfieldio"); when the card's own
 * web address is the same domain with that dot, it is the email's domain.
 */
function repairEmailDomain(email: string, website: string | undefined): string {
  const [local, domain] = email.split('@')
  if (!local || !domain || !website) return email
  const site = website.replace(/^www\./, '')
  if (domain === site) return email
  const bare = (text: string) => text.replace(/[^a-z0-9]/g, '')
  const siteName = site.replace(/\.[a-z.]+$/, '')
  // A lost dot, a lost ending (".co.uk") or one misread character of the card's own domain.
  const same =
    bare(domain) === bare(site) ||
    site.startsWith(`${domain}.`) ||
    withinOneEdit(domain, site) ||
    withinOneEdit(domain, siteName)
  return same ? `${local}@${site}` : email
}

/** Name, title and organisation from the lines left over, top first. */
function readPeople(lines: string[], fields: CardFields, chinese: boolean): void {
  const unused: string[] = []
  for (const line of lines) {
    if (!fields.organization && ORGANIZATION_WORDS.test(line)) {
      fields.organization = preferLanguage(line, chinese)
    } else if (!fields.title && TITLE_WORDS.test(line)) {
      fields.title = preferLanguage(line, chinese)
    } else if (!ORGANIZATION_WORDS.test(line) && !TITLE_WORDS.test(line)) {
      unused.push(line)
    }
  }
  for (const line of unused) {
    const name = chinese ? readChineseName(line) : readWesternName(line)
    if (name) {
      Object.assign(fields, name)
      return
    }
  }
  if (chinese) {
    // A Chinese card may print only the name in Latin letters.
    for (const line of unused) {
      const name = readWesternName(line)
      if (name) {
        Object.assign(fields, name)
        return
      }
    }
  }
}

/** The part of a bilingual line ("投资经理 / Investment Manager") in the card's main language. */
function preferLanguage(line: string, chinese: boolean): string {
  const parts = line
    .split(/\s*[/|]\s*/)
    .map((part) => part.trim())
    .filter(Boolean)
  const wanted = parts.find((part) => HAN.test(part) === chinese)
  const text = (wanted ?? line).replace(/[,.:;\s]+$/u, '')
  if (HAN.test(text)) return text
  // Legal forms are abbreviated with a full stop ("Inc.", "Ltd."), which OCR often loses.
  const withStop = /\b(?:inc|ltd|co|corp|llc)$/i.test(text) ? `${text}.` : text
  return withStop.charAt(0).toUpperCase() + withStop.slice(1)
}

type NameParts = Pick<CardFields, 'name' | 'familyName' | 'givenName'>

/** "吴文博 Wenbo Wu" → 吴文博: family name first, a compound family name when it is one. */
function readChineseName(line: string): NameParts | null {
  const name = HAN_RUN.exec(line)?.[0]
  if (!name) return null
  const family = COMPOUND_FAMILY_NAMES.find((f) => name.startsWith(f) && name.length > 2) ?? name[0]
  if (!family) return null
  return { name, familyName: family, givenName: name.slice(family.length) }
}

/**
 * "Emma Bennett" (given name first) or "ZHANG Haoran" (a family name in capitals comes first, as
 * Chinese names are often printed in Latin letters).
 */
function readWesternName(line: string): NameParts | null {
  const words = line.replace(/[,.]$/, '').split(/\s+/)
  if (words.length < 2 || words.length > 4) return null
  if (!words.every((word) => /^\p{Lu}[\p{L}'’-]*\.?$/u.test(word))) return null
  const name = words.join(' ')
  const first = words[0] ?? ''
  const last = words[words.length - 1] ?? ''
  const familyFirst =
    first.length > 1 && first === first.toUpperCase() && last !== last.toUpperCase()
  if (familyFirst) {
    return { name, familyName: first, givenName: words.slice(1).join(' ') }
  }
  return { name, familyName: last, givenName: words.slice(0, -1).join(' ') }
}

function dropEmpty(fields: CardFields): CardFields {
  const result: CardFields = { ...fields }
  for (const key of [
    'website',
    'linkedin',
    'wechat',
    'address',
    'familyName',
    'givenName',
  ] as const) {
    if (!result[key]) delete result[key]
  }
  return result
}

/** The same card read twice: Chinese model first, and English first (see cardReader.ts). */
export interface CardReadings {
  chineseFirst: string
  englishFirst: string
}

/**
 * One card's fields from its two readings. Measured on the test set (bench/cardScan.ts): the
 * English-first reading gets Latin text right more often (emails, phones, web, LinkedIn), the
 * Chinese-first one the Chinese name, title, organisation and address.
 */
export function parseCardReadings(readings: CardReadings, options: ParseOptions = {}): CardFields {
  const chinese = parseCardText(readings.chineseFirst, options)
  const latin = parseCardText(readings.englishFirst, options)
  const either = <T>(first: T[], second: T[]) => (first.length > 0 ? first : second)
  const fields: CardFields = {
    ...chinese,
    phones: either(latin.phones, chinese.phones),
    emails: either(latin.emails, chinese.emails),
  }
  const website = latin.website ?? chinese.website
  const linkedin = latin.linkedin ?? chinese.linkedin
  if (website) fields.website = website
  if (linkedin) fields.linkedin = linkedin
  // A name in Latin letters is read better by the English model.
  if (!HAN.test(chinese.name) && latin.name && !HAN.test(latin.name)) {
    fields.name = latin.name
    delete fields.familyName
    delete fields.givenName
    if (latin.familyName) fields.familyName = latin.familyName
    if (latin.givenName) fields.givenName = latin.givenName
  }
  return fields
}
