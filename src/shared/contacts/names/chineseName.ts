/**
 * A Chinese name's family and given name: "王小明" → 王 + 小明, "欧阳娜娜" → 欧阳 + 娜娜. Chinese
 * names put the family name first, one character, or two for the compound family names below.
 * Null for anything else (Latin names, a name with other characters, a single character).
 */
export function splitChineseName(name: string): { family: string; given: string } | null {
  const compact = name.replace(/[\s·•]/g, '')
  if (!/^\p{Script=Han}{2,6}$/u.test(compact)) return null
  const chars = [...compact]
  const two = chars.slice(0, 2).join('')
  const familyLength = chars.length >= 3 && COMPOUND_SURNAMES.has(two) ? 2 : 1
  return {
    family: chars.slice(0, familyLength).join(''),
    given: chars.slice(familyLength).join(''),
  }
}

const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '令狐',
  '夏侯',
  '慕容',
  '尉迟',
  '公孙',
  '长孙',
  '宇文',
  '司徒',
  '司空',
  '端木',
  '澹台',
  '轩辕',
  '呼延',
  '独孤',
  '南宫',
  '闻人',
  '西门',
  '申屠',
  '太史',
  '钟离',
  '百里',
  '万俟',
  '赫连',
  '第五',
])
