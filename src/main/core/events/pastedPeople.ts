/**
 * One person per pasted line, the way speaker lists are copied from event pages, WeChat or a
 * spreadsheet: name, organisation, title, email, phone and links in any order, separated by
 * Latin or Chinese commas, 、, semicolons, | or tabs ("孙强，红杉中国，合伙人 https://…").
 * Everything here is a split or a plain scan: a 1 MB hostile paste stays linear.
 */

export interface PastedPerson {
  name: string
  organization: string
  title: string
  email: string
  phone: string
  linkedinUrl: string
}

const CELL_SEPARATORS = /[\t,，、;；|｜]/

/**
 * `local@domain.tld` with no whitespace and one @, as /^[^\s@]+@[^\s@]+\.[^\s@]+$/ says,
 * checked without that pattern's backtracking over a long run of dots.
 */
export function looksLikeEmail(cell: string): boolean {
  if (/\s/.test(cell)) return false
  const at = cell.indexOf('@')
  if (at <= 0 || at !== cell.lastIndexOf('@')) return false
  const dot = cell.indexOf('.', at + 2)
  return dot > 0 && dot < cell.length - 1
}

const looksLikeUrl = (token: string) =>
  /^(https?:\/\/|www\.)/i.test(token) || /linkedin\.com\//i.test(token)

/** Only digits and what people write between them; the digits are counted by the caller. */
const PHONE_CHARS = /^[+\d\-().]+$/
const digitCount = (text: string) => {
  let n = 0
  for (const ch of text) if (ch >= '0' && ch <= '9') n++
  return n
}
/** Fewer digits are a year, a room or a ticket number rather than a phone. */
const MIN_PHONE_DIGITS = 7

// A label in front of a value ("邮箱：ada@…", "Tel: +86…") goes with the value it names.
const LABEL_WORDS = new Set([
  'email',
  'e-mail',
  'mail',
  'phone',
  'tel',
  'mobile',
  'cell',
  'linkedin',
  'web',
  'website',
  'url',
  '邮箱',
  '电邮',
  '邮件',
  '电话',
  '手机',
  '领英',
  '网址',
  '主页',
])
const isLabel = (text: string) => LABEL_WORDS.has(text.replace(/[:：]$/, '').toLowerCase())

const TITLE_WORDS_ZH = [
  '合伙人',
  '创始人',
  '创办人',
  '总监',
  '经理',
  '总裁',
  '总经理',
  '首席',
  '主任',
  '主席',
  '主编',
  '主管',
  '教授',
  '讲师',
  '研究员',
  '工程师',
  '架构师',
  '设计师',
  '分析师',
  '律师',
  '负责人',
  '董事',
  '顾问',
  '院长',
  '校长',
  '秘书长',
  '投资人',
  '记者',
  '编辑',
  '专家',
  '博士',
  '副总',
  '组长',
  '部长',
]
const TITLE_WORDS_LATIN = new Set([
  'ceo',
  'cto',
  'coo',
  'cfo',
  'cmo',
  'cpo',
  'vp',
  'svp',
  'evp',
  'founder',
  'co-founder',
  'cofounder',
  'partner',
  'director',
  'manager',
  'head',
  'lead',
  'chief',
  'officer',
  'president',
  'chair',
  'chairman',
  'professor',
  'prof',
  'engineer',
  'researcher',
  'scientist',
  'analyst',
  'designer',
  'editor',
  'journalist',
  'advisor',
  'adviser',
  'consultant',
  'investor',
  'principal',
  'associate',
  'architect',
  'developer',
  'lecturer',
  'dean',
])
const ORG_WORDS_ZH = [
  '公司',
  '集团',
  '中国',
  '大学',
  '学院',
  '研究院',
  '研究所',
  '银行',
  '资本',
  '基金',
  '科技',
  '实验室',
  '协会',
  '学会',
  '中心',
  '医院',
  '事务所',
  '出版社',
  '工作室',
  '俱乐部',
  '创投',
  '传媒',
  '控股',
  '证券',
  '保险',
  '委员会',
  '政府',
  '网络',
  '媒体',
]
const ORG_WORDS_LATIN = new Set([
  'inc',
  'ltd',
  'llc',
  'corp',
  'co',
  'gmbh',
  'plc',
  'group',
  'capital',
  'ventures',
  'university',
  'college',
  'institute',
  'labs',
  'lab',
  'bank',
  'foundation',
  'partners',
  'technologies',
  'technology',
  'tech',
  'holdings',
  'company',
  'studio',
  'studios',
  'agency',
  'association',
  'fund',
  'school',
  'media',
  'systems',
  'software',
  'consulting',
])

// The most common Chinese family names: a two-to-four-character cell starting with one is a
// person more likely than an organisation ("红杉" vs "孙强").
const COMMON_SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
)
const HAN = /\p{Script=Han}/u
const ONLY_HAN_NAME = /^[\p{Script=Han}·•\s]+$/u

const latinWords = (cell: string) => cell.toLowerCase().split(/[^a-z-]+/)

function isTitle(cell: string): boolean {
  if (TITLE_WORDS_ZH.some((w) => cell.includes(w))) return true
  return latinWords(cell).some((w) => TITLE_WORDS_LATIN.has(w))
}

function isOrganization(cell: string): boolean {
  if (ORG_WORDS_ZH.some((w) => cell.includes(w))) return true
  return latinWords(cell).some((w) => ORG_WORDS_LATIN.has(w))
}

/** How much a text cell looks like a person's name; 0 when it does not. */
function nameLikeness(cell: string): number {
  if (HAN.test(cell)) {
    const compact = cell.replace(/\s/g, '')
    if (!ONLY_HAN_NAME.test(cell) || compact.length < 2 || compact.length > 5) return 0
    return COMMON_SURNAMES.has(compact[0]!) ? 3 : 1
  }
  const words = cell.split(/\s+/).filter(Boolean)
  if (words.length === 0 || words.some((w) => /\d/.test(w))) return 0
  if (words.length >= 2 && words.length <= 4) return 2
  return 0.5
}

/** Takes emails, links and phone numbers out of one cell; what is left is text. */
function takeContacts(cell: string, found: PastedPerson): string {
  const tokens = cell.split(/[\s：]+/).filter(Boolean)
  const kept: string[] = []
  let phoneRun: string[] = []
  const endPhoneRun = () => {
    if (phoneRun.length === 0) return
    const run = phoneRun.join(' ')
    if (digitCount(run) >= MIN_PHONE_DIGITS && !found.phone) found.phone = run
    else if (digitCount(run) < MIN_PHONE_DIGITS) kept.push(...phoneRun)
    phoneRun = []
  }
  for (const token of tokens) {
    // "Tel:+86…" or "Email:ada@…" in one token: the part after the last colon is the value.
    const colon = looksLikeUrl(token) ? -1 : token.lastIndexOf(':')
    const value = colon >= 0 ? token.slice(colon + 1) : token
    if (looksLikeEmail(value)) {
      endPhoneRun()
      if (!found.email) found.email = value
    } else if (looksLikeUrl(value)) {
      endPhoneRun()
      if (/linkedin\.com\//i.test(value) && !found.linkedinUrl) found.linkedinUrl = value
    } else if (value && PHONE_CHARS.test(value)) {
      phoneRun.push(value)
    } else {
      endPhoneRun()
      kept.push(token)
    }
  }
  endPhoneRun()
  return kept.filter((word) => !isLabel(word)).join(' ')
}

/** One pasted line read as a person, or null when no name is left on it. */
export function parsePastedLine(line: string): PastedPerson | null {
  const found: PastedPerson = {
    name: '',
    organization: '',
    title: '',
    email: '',
    phone: '',
    linkedinUrl: '',
  }
  let cells = line
    .split(CELL_SEPARATORS)
    .map((cell) => takeContacts(cell, found))
    .filter(Boolean)
  // "孙强 红杉中国 合伙人" copied from a WeChat message: in Chinese, spaces separate the fields.
  if (cells.length === 1 && HAN.test(cells[0]!) && /\s/.test(cells[0]!)) {
    const words = cells[0]!.split(/\s+/)
    if (words.length >= 2 && words.every((w) => HAN.test(w))) cells = words
  }
  const kinds = cells.map((cell) =>
    isTitle(cell) ? 'title' : isOrganization(cell) ? 'organization' : 'unknown',
  )
  let nameAt = -1
  let best = 0
  cells.forEach((cell, i) => {
    const score = kinds[i] === 'unknown' ? nameLikeness(cell) : 0
    if (score > best) {
      best = score
      nameAt = i
    }
  })
  if (nameAt < 0) nameAt = kinds.indexOf('unknown')
  if (nameAt < 0) return null
  found.name = cells[nameAt]!
  const others = cells.filter((_, i) => i !== nameAt)
  const kindsOfOthers = kinds.filter((_, i) => i !== nameAt)
  // Recognised cells first, then the rest in the order "name, organisation, title".
  others.forEach((cell, i) => {
    const kind = kindsOfOthers[i]
    if (kind === 'title' && !found.title) found.title = cell
    else if (kind === 'organization' && !found.organization) found.organization = cell
  })
  others.forEach((cell, i) => {
    if (kindsOfOthers[i] !== 'unknown') return
    if (!found.organization) found.organization = cell
    else if (!found.title) found.title = cell
  })
  return found
}
