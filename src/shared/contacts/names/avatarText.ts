import { splitChineseName } from './chineseName'

/**
 * The letters an avatar shows when there is no photo. Chinese apps show the given name
 * (思远 for 陈思远) or, for a two-character name, the whole name (李娜), never the first two
 * characters ("陈思" reads as another name). Latin names keep their initials (Ada Lovelace →
 * AL). Everything else: its first character.
 */
export function avatarText(name: string): string {
  const trimmed = name.trim()
  const chinese = splitChineseName(trimmed)
  if (chinese) {
    const whole = chinese.family + chinese.given
    if ([...whole].length <= 2) return whole
    return [...chinese.given].slice(-2).join('')
  }
  const words = trimmed.split(/[\s\-·]+/).filter((w) => /^\p{L}/u.test(w))
  if (words.length >= 2 && words.every((w) => /^\p{Script=Latin}/u.test(w))) {
    return (words[0]![0]! + words[words.length - 1]![0]!).toUpperCase()
  }
  return [...trimmed].slice(0, 1).join('').toUpperCase()
}
