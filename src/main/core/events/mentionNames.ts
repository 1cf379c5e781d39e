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
