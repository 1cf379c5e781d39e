/**
 * Names typed under "whom should I / you meet", one mention each: "Ada Lovelace, Grace Hopper"
 * or "王小明、李雷". Commas, semicolons, the Chinese enumeration comma and new lines separate;
 * "and" does not, since it also appears inside organisation names.
 */
export function mentionNames(text: string): string[] {
  const seen = new Set<string>()
  const names: string[] = []
  for (const part of text.split(/[,;，；、\n]+/)) {
    const name = part.replace(/\s+/g, ' ').trim().slice(0, 200)
    const key = name.toLowerCase()
    if (name && !seen.has(key)) {
      seen.add(key)
      names.push(name)
    }
  }
  return names
}

/** A mention read as a name and, when it says so, the organisation: "红杉的孙强", "Sun Qiang from Sequoia", "孙强（红杉）". */
export interface MentionParts {
  name: string
  organization: string
}

const HAN = /\p{Script=Han}/u
const LATIN_LINKS = [' from ', ' at ', ' of ', ' @ ']

/** Splits off the organisation with indexOf only: no pattern that could backtrack on long text. */
export function mentionParts(mention: string): MentionParts {
  const text = mention.trim()
  const open = Math.max(text.indexOf('('), text.indexOf('（'))
  if (open > 0 && (text.endsWith(')') || text.endsWith('）'))) {
    const organization = text.slice(open + 1, -1).trim()
    if (organization) return { name: text.slice(0, open).trim(), organization }
  }
  // "红杉的孙强": the last 的, with a short name after it (names never contain 的).
  const of = text.lastIndexOf('的')
  if (of > 0 && HAN.test(text)) {
    const name = text.slice(of + 1).trim()
    if (name.length >= 2 && name.length <= 5)
      return { name, organization: text.slice(0, of).trim() }
  }
  const lower = text.toLowerCase()
  for (const link of LATIN_LINKS) {
    const at = lower.indexOf(link)
    if (at > 0)
      return { name: text.slice(0, at).trim(), organization: text.slice(at + link.length).trim() }
  }
  return { name: text, organization: '' }
}
