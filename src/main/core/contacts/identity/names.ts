/** NFKC, lower case, no spaces or punctuation: "Ada  Lovelace." and "ada lovelace", "李 娜" and "李娜" are one. */
export function normalizeName(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '')
}

// Legal forms and generic words at the end of a company name that say nothing about which
// organisation it is. Longest first, stripped repeatedly: 北京字节跳动科技有限公司 → 字节跳动.
const SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '网络技术',
  '信息技术',
  '有限公司',
  '科技',
  '网络',
  '技术',
  '集团',
  '控股',
  '公司',
  '中国',
  'incorporated',
  'corporation',
  'limited',
  'company',
  'holdings',
  'group',
  'gmbh',
  'corp',
  'inc',
  'ltd',
  'llc',
  'plc',
  'co',
].sort((a, b) => b.length - a.length)

// Places Chinese company names start with (北京字节跳动, 上海拉扎斯): the place is not the company.
const PLACE_PREFIXES = [
  '中国',
  '北京',
  '上海',
  '天津',
  '重庆',
  '深圳',
  '广州',
  '杭州',
  '南京',
  '苏州',
  '成都',
  '武汉',
  '西安',
  '厦门',
  '青岛',
  '香港',
  '珠海',
  '东莞',
  '合肥',
  '长沙',
  '郑州',
  '济南',
  '大连',
  '宁波',
  '无锡',
]

/** What is left must still name something: two characters of Chinese, three of Latin. */
const longEnough = (text: string) =>
  /[\u3400-\u9fff]/.test(text) ? text.length >= 2 : text.length >= 3

/**
 * The core of an organisation's name: like a name, without legal forms, generic words ("科技",
 * "Group") and a leading city, so that "Acme, Inc." and "ACME", "字节跳动" and
 * "北京字节跳动科技有限公司" are one.
 */
export function normalizeOrganization(value: string): string {
  let name = normalizeName(value)
  for (let changed = true; changed;) {
    changed = false
    for (const suffix of SUFFIXES) {
      const rest = name.slice(0, -suffix.length)
      if (name.endsWith(suffix) && longEnough(rest)) {
        name = rest
        changed = true
        break
      }
    }
  }
  for (const place of PLACE_PREFIXES) {
    const rest = name.slice(place.length)
    if (name.startsWith(place) && longEnough(rest)) return rest
  }
  return name
}
