import type { RapportEvent, Settings } from '../../../shared/model'

/** Latin words of four letters or more, and every pair of adjacent Chinese characters. */
function terms(text: string): Set<string> {
  const out = new Set<string>()
  const lower = text.normalize('NFKC').toLowerCase()
  for (const word of lower.match(/[a-z][a-z0-9-]{3,}/g) ?? []) out.add(word.replace(/s$/, ''))
  for (const run of lower.match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2))
  }
  return out
}

/** Small words that say nothing about a purpose. */
const STOP = new Set([
  'with',
  'that',
  'this',
  'from',
  'they',
  'their',
  'them',
  'will',
  'what',
  'want',
  'have',
  'there',
  'about',
  'which',
  'people',
])

/**
 * Whether the event's purpose shares any words with my positioning. "unknown" when either side
 * is empty (nothing to compare, so no note); "mismatch" earns a gentle note, never a block.
 */
export function positioningFit(
  event: Pick<RapportEvent, 'name' | 'whyItMatters' | 'series'>,
  positioning: Settings['me']['positioning'],
): 'unknown' | 'fits' | 'mismatch' {
  const mine = terms(
    [
      positioning.whatIWantToDo,
      positioning.forWhom,
      positioning.whatTheyNeed,
      positioning.whatChanges,
      positioning.valueProposition,
    ].join(' '),
  )
  const theirs = terms([event.name, event.series, event.whyItMatters].join(' '))
  for (const word of STOP) {
    mine.delete(word)
    theirs.delete(word)
  }
  if (mine.size === 0 || event.whyItMatters.trim() === '') return 'unknown'
  for (const t of theirs) if (mine.has(t)) return 'fits'
  return 'mismatch'
}
