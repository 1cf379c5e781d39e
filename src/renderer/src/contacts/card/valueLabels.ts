/**
 * Phone and email labels are free text, but imports write the usual ones as English words
 * ("mobile", "work fax"). Those are stored as the words and shown in the interface language
 * ("手机", "工作传真"); what the user types in the label field is stored back as the word
 * when it is one of them, so a card edited in Chinese still exports TYPE=cell.
 */
export const LABEL_WORDS = ['mobile', 'work', 'home', 'fax', 'pager', 'main', 'other'] as const
export type LabelWord = (typeof LABEL_WORDS)[number]
export type LabelWords = Record<LabelWord, string>

const isWord = (word: string): word is LabelWord =>
  (LABEL_WORDS as readonly string[]).includes(word)

/** "work fax" → "工作传真" with Chinese words (no space between them), as written otherwise. */
export function displayLabel(stored: string, words: LabelWords, language: string): string {
  // Text being typed ("work ", on its way to "work fax") is shown as it is.
  if (!stored || stored !== stored.trim()) return stored
  const parts = stored.toLowerCase().split(/\s+/)
  if (!parts.every(isWord)) return stored
  return parts.map((p) => words[p as LabelWord]).join(language.startsWith('zh') ? '' : ' ')
}

/** The label to store for what was typed: the word when it is one shown by `displayLabel`. */
export function storedLabel(typed: string, words: LabelWords, language: string): string {
  const text = typed
  for (const first of LABEL_WORDS) {
    if (displayLabel(first, words, language) === text) return first
    for (const second of LABEL_WORDS) {
      const pair = `${first} ${second}`
      if (displayLabel(pair, words, language) === text) return pair
    }
  }
  return typed
}
