/** Joins short items as each language lists them: "a, b, c" in English, "甲、乙、丙" in Chinese. */
export function formatList(items: readonly string[], language: string): string {
  return items.join(language.startsWith('zh') ? '、' : ', ')
}
