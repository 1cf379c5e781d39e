/**
 * Search-as-you-type over contacts. The costly part (lowercasing, accent folding, pinyin) is
 * done once per contact object and kept in a WeakMap: records are immutable, so a changed
 * contact is a new object and simply gets new keys. The contacts are also kept sorted, in
 * chunks whose keys are concatenated into one string each, so a keystroke is a run of indexOf
 * calls over a few megabytes of contiguous text, and results come out already in order
 * (bucketed by relevance) without a sort per keystroke. An edit re-sorts nothing: it moves one
 * contact and rebuilds its chunk's strings. Numbers: bench/searchBench.ts. (The issue measured
 * a full-text index with prefix search at tens of ms per keystroke: one- and two-letter
 * prefixes match most contacts, so an index saves little and costs its bookkeeping.)
 */
import { pinyin } from 'pinyin-pro'
import type { Contact, Ecosystem, Tier } from '../../../shared/model'

export type ContactSortField = 'name' | 'organization' | 'tier' | 'updatedAt' | 'createdAt'

export interface ContactQuery {
  /** Whitespace-separated terms; every term must match somewhere. */
  text?: string
  /** A contact must carry all of these tags (case-insensitive). */
  tags?: string[]
  /** Any of these tiers. */
  tiers?: Tier[]
  /** Any of these ecosystems. */
  ecosystems?: Ecosystem[]
  /** Pre-filter computed by the caller: contacts of an event or community, overdue ones... */
  ids?: ReadonlySet<string>
  includeArchived?: boolean
  /** Without text the result follows this order; with text it breaks ties within a relevance rank. */
  sort?: { by: ContactSortField; direction: 'asc' | 'desc' }
  offset?: number
  limit?: number
}

export interface ContactSearchResult {
  /** Matches before offset and limit. */
  total: number
  items: Contact[]
}

export interface FacetCounts {
  /** Contacts counted (archived ones only when asked). */
  total: number
  /** Most used first; spellings that differ only in case are one tag, shown as first seen. */
  tags: { tag: string; count: number }[]
  tiers: Record<Tier, number>
  ecosystems: Record<Ecosystem, number>
}

/** Separates fields and marks word starts; terms never contain it. */
const SEP = '\u0001'
const HAN_RUN = /\p{Script=Han}+/gu
const HAS_HAN = /\p{Script=Han}/u
/** Whitespace and punctuation split names into words ("Jean-Luc", "O'Brien", "·"). */
const WORD_BREAK = /[\s\p{P}]+/u
const NON_WORD = /[\s\p{P}]+/gu
/** Longer Han runs only get suffix keys for their first syllables (keys grow quadratically). */
const MAX_SUFFIX_SYLLABLES = 32
/** Without the u flag this sees UTF-16 code units, so astral characters count too. */
const NON_ASCII = /[\u0080-\uffff]/
const isAscii = (text: string): boolean => !NON_ASCII.test(text)

/** Lowercase without Latin accents, so "muller" finds "Müller"; Han, kana and Hangul survive. */
export function fold(text: string): string {
  const lower = text.toLowerCase()
  // Most text is ASCII: skip normalize(), which is slow and leaves a two-byte string.
  if (isAscii(lower)) return lower
  return lower
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
}

// --- Pinyin -------------------------------------------------------------------------------

/** Names repeat (common surnames, shared given names), so a small memo saves most pinyin calls. */
const pinyinMemo = new Map<string, string[]>()
const PINYIN_MEMO_LIMIT = 20_000

/**
 * Toneless syllables of a run of Han characters, one per character, "ü" written "v" as pinyin
 * keyboards do. `surname` reads the first character as a surname (曾 zeng, 单 shan).
 */
function syllablesOf(run: string, surname: boolean): string[] {
  const memoKey = (surname ? 's' : 'n') + run
  const cached = pinyinMemo.get(memoKey)
  if (cached) return cached
  const syllables = pinyin(run, {
    toneType: 'none',
    type: 'array',
    v: true,
    ...(surname ? { mode: 'surname' as const, surname: 'head' as const } : {}),
  }).map((s) => s.toLowerCase())
  if (pinyinMemo.size >= PINYIN_MEMO_LIMIT) pinyinMemo.clear()
  pinyinMemo.set(memoKey, syllables)
  return syllables
}

/** Spellings of one Han run: with "v" for ü and, when there is one, with plain "u" too (lu). */
function spellingsOf(run: string, surname: boolean): string[][] {
  const syllables = syllablesOf(run, surname)
  if (!syllables.some((s) => s.includes('v'))) return [syllables]
  return [syllables, syllables.map((s) => s.replaceAll('v', 'u'))]
}

/**
 * Word-start keys of a Han run: each character on, and the full pinyin and the initials
 * from each syllable on, so "zhang", "zhangw", "wei" and "zw" all start a key of 张伟.
 * (Initials are the syllables' first letters, which is what pinyin-pro's pattern 'first'
 * gives, without a second pass through its dictionary.)
 */
function hanWordStarts(run: string, surname: boolean, out: string[]): void {
  const chars = Array.from(run)
  const starts = Math.min(chars.length, MAX_SUFFIX_SYLLABLES)
  for (let i = 0; i < starts; i += 1) out.push(chars.slice(i).join(''))
  for (const syllables of spellingsOf(run, surname)) {
    const initials = syllables.map((s) => s[0] ?? '')
    for (let i = 0; i < starts; i += 1) {
      out.push(syllables.slice(i, i + MAX_SUFFIX_SYLLABLES).join(''))
      out.push(initials.slice(i, i + MAX_SUFFIX_SYLLABLES).join(''))
    }
  }
}

/** The text with each Han run replaced by its syllables joined by `joiner`, or by its initials. */
function romanised(text: string, surname: boolean, form: 'syllables' | 'initials', joiner = '') {
  let first = true
  return text.replace(HAN_RUN, (run) => {
    const syllables = syllablesOf(run, surname && first)
    first = false
    const parts = form === 'initials' ? syllables.map((s) => s[0] ?? '') : syllables
    return ` ${parts.join(joiner)} `
  })
}

// --- Keys ---------------------------------------------------------------------------------

/**
 * One contact's match keys in one string: five regions joined by SEP, each a list of items
 * joined by SEP. In the regions of starts (name starts, name words, other words) every item is
 * preceded by SEP, so a hit right after SEP is a hit at an item's start.
 */
interface KeySet {
  /**
   * 1. whole-name forms: as written, without spaces and punctuation, in pinyin, in initials;
   * 2. each word of the name fields, and each Han character or syllable on (starts);
   * 3. the name fields as written; 4. organisation, role, tags, notes, emails and phones;
   * 5. pinyin word starts of organisation, role and tags (notes are matched as written).
   */
  text: string
  /** Where regions 1 to 4 end in `text`. */
  ends: [number, number, number, number]
}

interface SearchKeys {
  /**
   * The ASCII runs of every item (runs cut by RUN_BREAK), for ASCII terms: V8 searches one-byte
   * strings faster than two-byte ones, and one Han character makes a whole string two-byte.
   * An ASCII term can only occur inside an ASCII run.
   */
  ascii: KeySet
  /** Items holding other characters (Han, Cyrillic, "ø"...), whole, for the other terms. */
  wide: KeySet | undefined
  tags: string[]
  /** The name with Han in spaced pinyin, so 张伟 sorts as "zhang wei" between Latin names. */
  sortName: string
  sortOrganization: string
  // Copies of the filtered fields: reading them here is monomorphic, unlike on contacts,
  // whose shapes vary with their optional fields.
  id: string
  archived: boolean
  /** Bits of the tier and of the ecosystem, for mask filters (see bitOf). */
  tierBit: number
  ecosystemBit: number
}

/** Ends an ASCII run cut short by another character: not an item start, unlike SEP. */
const RUN_BREAK = '\u0002'
const NON_ASCII_RUN = /[\u0080-\uffff]+/g
const TIERS: readonly Tier[] = ['life', 'close', 'good', 'outside']
const ECOSYSTEMS: readonly Ecosystem[] = [
  'interests',
  'work',
  'media',
  'finance',
  'community',
  'government',
]
/** A value's bit for mask filters; a missing value gets a bit of its own past the list's. */
const bitOf = <T>(list: readonly T[], value: T | undefined): number => {
  const at = value === undefined ? -1 : list.indexOf(value)
  return 1 << (at < 0 ? list.length : at)
}

const keysCache = new WeakMap<Contact, SearchKeys>()

function keysOf(contact: Contact): SearchKeys {
  let keys = keysCache.get(contact)
  if (!keys) {
    keys = buildKeys(contact)
    keysCache.set(contact, keys)
  }
  return keys
}

const compact = (text: string): string => text.replace(NON_WORD, '')
const spaced = (text: string): string => text.replace(/\s+/g, ' ').trim()
/** Non-empty items, once each. Lists here are short: indexOf beats allocating a Set. */
const unique = (items: string[]): string[] =>
  items.filter((item, index) => item !== '' && items.indexOf(item) === index)

interface Items {
  nameStarts: string[]
  nameWords: string[]
  nameText: string[]
  otherText: string[]
  otherWords: string[]
}

function keySet(items: Items, pick: (item: string) => string): KeySet {
  const join = (list: string[], starts: boolean): string => {
    const picked = unique(list.map(pick))
    return picked.length === 0 ? '' : (starts ? SEP : '') + picked.join(SEP)
  }
  const regions = [
    join(items.nameStarts, true),
    join(items.nameWords, true),
    join(items.nameText, false),
    join(items.otherText, false),
    join(items.otherWords, true),
  ]
  const ends: KeySet['ends'] = [0, 0, 0, 0]
  let at = 0
  for (let i = 0; i < ends.length; i += 1) {
    at += regions[i]!.length
    ends[i] = at
    at += SEP.length
  }
  const text = regions.join(SEP)
  return { text, ends }
}

function buildKeys(contact: Contact): SearchKeys {
  const name = fold(contact.name)
  const nameFields = [name, contact.givenName, contact.familyName, contact.nickname]
    .filter((field): field is string => !!field)
    .map(fold)
  const nameHasHan = nameFields.some((field) => HAS_HAN.test(field))

  const nameStarts = [name, compact(name)]
  if (nameHasHan) {
    for (const form of ['syllables', 'initials'] as const) {
      const text = romanised(name, true, form)
      nameStarts.push(spaced(text), compact(text))
    }
  }

  const nameWords: string[] = []
  nameFields.forEach((field, index) => {
    // The family name field is a surname on its own; the name starts with one.
    const surname = index === 0 || field === fold(contact.familyName ?? '')
    nameWords.push(...field.split(WORD_BREAK))
    if (nameHasHan) {
      for (const run of field.match(HAN_RUN) ?? []) hanWordStarts(run, surname, nameWords)
    }
  })

  const tags = contact.tags.map(fold)
  const shortOthers = [fold(contact.organization), fold(contact.role), ...tags]
  const phones = contact.phones.map((p) => p.value)
  const otherText = [
    ...shortOthers,
    fold(contact.notes),
    ...contact.emails.map((e) => fold(e.value)),
    ...phones,
    // Digits only, so "13910000" finds "+86 139 1000 0000".
    ...phones.map((p) => p.replace(/\D+/g, '')),
  ]
  const otherWords: string[] = []
  for (const field of shortOthers) {
    for (const run of field.match(HAN_RUN) ?? []) hanWordStarts(run, false, otherWords)
  }

  const items: Items = { nameStarts, nameWords, nameText: nameFields, otherText, otherWords }
  const allAscii = Object.values(items).every((list) => list.every(isAscii))
  const asciiRuns = (item: string): string =>
    isAscii(item) ? item : item.split(NON_ASCII_RUN).filter(Boolean).join(RUN_BREAK)
  const organization = fold(contact.organization)
  return {
    ascii: keySet(items, allAscii ? (item) => item : asciiRuns),
    wide: allAscii ? undefined : keySet(items, (item) => (isAscii(item) ? '' : item)),
    tags,
    sortName: nameHasHan ? spaced(romanised(name, true, 'syllables', ' ')) : name,
    sortOrganization: HAS_HAN.test(organization)
      ? spaced(romanised(organization, false, 'syllables', ' '))
      : organization,
    id: contact.id,
    archived: contact.archived,
    tierBit: bitOf(TIERS, contact.tier),
    ecosystemBit: bitOf(ECOSYSTEMS, contact.ecosystem),
  }
}

// --- Matching -----------------------------------------------------------------------------

/** Relevance ranks, best first. */
const RANKS = 4

interface Term {
  text: string
  ascii: boolean
}

const SEP_CODE = SEP.charCodeAt(0)

/**
 * The rank a hit settles, given where the regions end (see KeySet): 0 when a whole-name form
 * starts with the term, 1 a name word or syllable, 2 the name contains it, 3 another field.
 * Hits come in region order, so the first one that settles a rank is the contact's rank for
 * the term; -1 means this hit settles nothing and later ones may.
 */
function settle(hit: number, atStart: boolean, ends: readonly number[], at: number): number {
  if (hit < ends[at]!) return atStart ? 0 : -1
  if (hit < ends[at + 1]!) return atStart ? 1 : -1
  if (hit < ends[at + 2]!) return 2
  return hit < ends[at + 3]! || atStart ? 3 : -1
}

/** The term's rank in one contact's part of a haystack, or -1 for no match. */
function rankIn(haystack: Haystack, part: number, term: string): number {
  const base = haystack.starts[part]!
  // A slice of the haystack (not a copy), so the search cannot run on into other parts.
  const text = haystack.text.substring(base, haystack.starts[part + 1]! - PART_BREAK.length)
  for (let hit = text.indexOf(term); hit >= 0; hit = text.indexOf(term, hit + 1)) {
    const atStart = hit > 0 && text.charCodeAt(hit - 1) === SEP_CODE
    const rank = settle(base + hit, atStart, haystack.ends, part * 4)
    if (rank >= 0) return rank
  }
  return -1
}

export function searchTerms(text: string | undefined): string[] {
  if (!text) return []
  return (
    fold(text)
      // Control characters have no place in a search, and SEP and RUN_BREAK must not appear.
      .replace(/\p{Cc}/gu, ' ')
      .split(/\s+/)
      .filter((term) => term !== '')
  )
}

// --- Order --------------------------------------------------------------------------------

interface Entry {
  contact: Contact
  keys: SearchKeys
}

/**
 * A run of consecutive contacts in the order, with what a keystroke reads built lazily: their
 * keys in one string (a haystack) and their filtered fields in flat arrays. Scanning one string
 * with indexOf reads memory in a straight line, where testing 30,000 separate strings in sorted
 * order jumps around the heap and was several times slower. Runs of a few hundred keep an edit
 * cheap: it rebuilds one run, not a 5 MB string.
 */
interface Chunk {
  entries: Entry[]
  ascii?: Haystack
  wide?: Haystack
  columns?: Columns
}

interface Ordered {
  /** A copy of the input as it was: the store edits its array in place, so identity is no proof. */
  source: Contact[]
  compare: (a: Entry, b: Entry) => number
  chunks: Chunk[]
}

/** Contacts per chunk when sorting afresh; a chunk splits at twice this. Tests make it small. */
export const searchTuning = { chunkSize: 512 }

/** One cached order per sort; a few sorts cover what a list view switches between. */
const orderCache = new Map<string, Ordered>()
const ORDER_CACHE_LIMIT = 4
/** Up to this many removed plus added records, the cached order is patched, not rebuilt. */
const MAX_PATCH = 64

// Code-unit comparison of folded keys: consistent and fast; a collator is far slower here.
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function comparer(by: ContactSortField, direction: 'asc' | 'desc'): (a: Entry, b: Entry) => number {
  const sign = direction === 'asc' ? 1 : -1
  const byName = (a: Entry, b: Entry): number =>
    compareText(a.keys.sortName, b.keys.sortName) || compareText(a.keys.id, b.keys.id)
  const then = (primary: (a: Entry, b: Entry) => number) => (a: Entry, b: Entry) =>
    sign * primary(a, b) || byName(a, b)
  switch (by) {
    case 'name':
      return (a, b) => sign * byName(a, b)
    case 'organization': {
      const byOrganization = then((a, b) =>
        compareText(a.keys.sortOrganization, b.keys.sortOrganization),
      )
      // Contacts without an organisation go last in either direction.
      return (a, b) =>
        Number(a.keys.sortOrganization === '') - Number(b.keys.sortOrganization === '') ||
        byOrganization(a, b)
    }
    case 'tier':
      return then((a, b) => a.keys.tierBit - b.keys.tierBit)
    case 'updatedAt':
      return then((a, b) => compareText(a.contact.updatedAt, b.contact.updatedAt))
    case 'createdAt':
      return then((a, b) => compareText(a.contact.createdAt, b.contact.createdAt))
  }
}

/** First position in `entries` whose entry does not sort before `entry`. */
function lowerBound(entries: Entry[], compare: Ordered['compare'], entry: Entry): number {
  let low = 0
  let high = entries.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (compare(entries[mid]!, entry) < 0) low = mid + 1
    else high = mid
  }
  return low
}

/** The chunk where `entry` belongs: the first whose last entry does not sort before it. */
function chunkFor(ordered: Ordered, entry: Entry): Chunk {
  const { chunks, compare } = ordered
  let low = 0
  let high = chunks.length - 1
  while (low < high) {
    const mid = (low + high) >>> 1
    if (compare(chunks[mid]!.entries.at(-1)!, entry) < 0) low = mid + 1
    else high = mid
  }
  return chunks[low]!
}

function invalidate(chunk: Chunk): void {
  delete chunk.ascii
  delete chunk.wide
  delete chunk.columns
}

/**
 * Brings a cached order up to date after the store replaced, appended or deleted a few records
 * (what an edit does): each change touches one chunk, so the keystroke after an edit does not
 * pay for a full sort. Returns false when the change is of another kind or too large; the
 * caller then sorts afresh.
 */
function patchOrder(ordered: Ordered, contacts: readonly Contact[]): boolean {
  const old = ordered.source
  if (old.length === 0) return false
  // Walk both arrays in step. A contact present in both but seen as removed and added (when a
  // change throws the two out of step) is taken out and put back: wasted work, still correct.
  const removed: Contact[] = []
  const added: Contact[] = []
  let i = 0
  let j = 0
  while (i < old.length || j < contacts.length) {
    if (i < old.length && j < contacts.length && old[i] === contacts[j]) {
      i += 1
      j += 1
    } else if (i < old.length && j < contacts.length && old[i + 1] === contacts[j]) {
      removed.push(old[i]!) // deleted (the store filters its array)
      i += 1
    } else {
      if (i < old.length) removed.push(old[i++]!)
      if (j < contacts.length) added.push(contacts[j++]!)
    }
    if (removed.length + added.length > MAX_PATCH) return false
  }
  const { chunks, compare } = ordered
  for (const contact of removed) {
    const entry = { contact, keys: keysOf(contact) }
    const chunk = chunkFor(ordered, entry)
    const at = lowerBound(chunk.entries, compare, entry)
    if (chunk.entries[at]?.contact !== contact) return false
    chunk.entries.splice(at, 1)
    invalidate(chunk)
    if (chunk.entries.length === 0 && chunks.length > 1) chunks.splice(chunks.indexOf(chunk), 1)
  }
  for (const contact of added) {
    const entry = { contact, keys: keysOf(contact) }
    const chunk = chunkFor(ordered, entry)
    chunk.entries.splice(lowerBound(chunk.entries, compare, entry), 0, entry)
    invalidate(chunk)
    if (chunk.entries.length >= 2 * searchTuning.chunkSize) {
      const half = chunk.entries.length >>> 1
      chunks.splice(chunks.indexOf(chunk) + 1, 0, { entries: chunk.entries.splice(half) })
    }
  }
  ordered.source = contacts.slice()
  return true
}

/**
 * The contacts in the requested order, kept across calls: a keystroke then only scans, and
 * bucketing by relevance keeps this order inside each rank.
 */
function orderedBy(
  contacts: readonly Contact[],
  by: ContactSortField,
  direction: 'asc' | 'desc',
): Ordered {
  const signature = `${by}:${direction}`
  const cached = orderCache.get(signature)
  orderCache.delete(signature)
  let ordered: Ordered
  if (cached && (sameContacts(cached.source, contacts) || patchOrder(cached, contacts))) {
    ordered = cached
  } else {
    const compare = comparer(by, direction)
    const entries = contacts.map((contact) => ({ contact, keys: keysOf(contact) })).sort(compare)
    const chunks: Chunk[] = []
    for (let at = 0; at < entries.length || chunks.length === 0; at += searchTuning.chunkSize) {
      chunks.push({ entries: entries.slice(at, at + searchTuning.chunkSize) })
    }
    ordered = { source: contacts.slice(), compare, chunks }
  }
  orderCache.set(signature, ordered)
  if (orderCache.size > ORDER_CACHE_LIMIT) {
    const oldest = orderCache.keys().next().value
    if (oldest !== undefined) orderCache.delete(oldest)
  }
  return ordered
}

function sameContacts(a: readonly Contact[], b: readonly Contact[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false
  return true
}

/** A chunk's keys (ASCII or wide) in one string, one part per contact. */
interface Haystack {
  /** Each contact's KeySet text followed by PART_BREAK. */
  text: string
  /** Where each contact's part starts; a last entry marks the end. */
  starts: number[]
  /** Per contact, where its regions 1 to 4 end (see KeySet), as positions in `text`. */
  ends: number[]
}

/** Ends a contact's part of a haystack; terms never contain it, so no hit spans two parts. */
const PART_BREAK = '\u0003'
const NO_KEYS: KeySet = { text: '', ends: [0, 0, 0, 0] }

function haystackOf(chunk: Chunk, ascii: boolean): Haystack {
  const cached = ascii ? chunk.ascii : chunk.wide
  if (cached) return cached
  const sets = chunk.entries.map(({ keys }) => (ascii ? keys.ascii : (keys.wide ?? NO_KEYS)))
  const starts: number[] = []
  const ends: number[] = []
  let at = 0
  for (const set of sets) {
    starts.push(at)
    for (const end of set.ends) ends.push(at + end)
    at += set.text.length + PART_BREAK.length
  }
  starts.push(at)
  const text = sets.map((set) => set.text).join(PART_BREAK) + PART_BREAK
  const haystack = { text, starts, ends }
  if (ascii) chunk.ascii = haystack
  else chunk.wide = haystack
  return haystack
}

/** What the filters read, in flat arrays: no pointer chasing per contact. */
interface Columns {
  contacts: Contact[]
  ids: string[]
  archived: boolean[]
  tierBits: number[]
  ecosystemBits: number[]
}

function columnsOf(chunk: Chunk): Columns {
  if (chunk.columns) return chunk.columns
  const { entries } = chunk
  chunk.columns = {
    contacts: entries.map((entry) => entry.contact),
    ids: entries.map((entry) => entry.keys.id),
    archived: entries.map((entry) => entry.keys.archived),
    tierBits: entries.map((entry) => entry.keys.tierBit),
    ecosystemBits: entries.map((entry) => entry.keys.ecosystemBit),
  }
  return chunk.columns
}

// --- Search -------------------------------------------------------------------------------

export function searchContacts(
  contacts: readonly Contact[],
  query: ContactQuery,
): ContactSearchResult {
  const terms: Term[] = searchTerms(query.text).map((text) => ({ text, ascii: isAscii(text) }))
  // The longest term first: it is likely the rarest, so the scan looks at the fewest contacts.
  terms.sort((a, b) => b.text.length - a.text.length)
  const tags = query.tags?.length ? unique(query.tags.map(fold)) : undefined
  const tierMask = query.tiers?.length
    ? query.tiers.reduce((mask, tier) => mask | bitOf(TIERS, tier), 0)
    : -1
  const ecosystemMask = query.ecosystems?.length
    ? query.ecosystems.reduce((mask, ecosystem) => mask | bitOf(ECOSYSTEMS, ecosystem), 0)
    : -1
  const { ids, includeArchived = false } = query
  const { by, direction } = query.sort ?? { by: 'name', direction: 'asc' }
  const offset = Math.max(0, Math.floor(query.offset ?? 0))
  const limit = Math.max(0, Math.floor(query.limit ?? Number.POSITIVE_INFINITY))
  // Per rank, every match is counted but only the first offset + limit can be shown: keeping
  // no more spares a one-letter search from collecting 30,000 contacts.
  const counts = new Array<number>(RANKS).fill(0)
  const buckets: Contact[][] = Array.from({ length: RANKS }, () => [])
  const add = (rank: number, contact: Contact): void => {
    counts[rank]! += 1
    if (counts[rank]! <= offset + limit) buckets[rank]!.push(contact)
  }

  for (const chunk of orderedBy(contacts, by, direction).chunks) {
    const { contacts: list, ids: idList, archived, tierBits, ecosystemBits } = columnsOf(chunk)
    const passes = (i: number): boolean =>
      (includeArchived || !archived[i]) &&
      (tierBits[i]! & tierMask) !== 0 &&
      (ecosystemBits[i]! & ecosystemMask) !== 0 &&
      (!ids || ids.has(idList[i]!)) &&
      (!tags || tags.every((tag) => chunk.entries[i]!.keys.tags.includes(tag)))

    const first = terms[0]
    if (!first) {
      for (let i = 0; i < list.length; i += 1) if (passes(i)) add(0, list[i]!)
      continue
    }
    const haystacks = terms.map((term) => haystackOf(chunk, term.ascii))
    const { text, starts, ends } = haystacks[0]!
    const term = first.text
    // Only contacts whose part of the haystack holds the first term are looked at, and the
    // hits that rank the first term are the very ones the scan has to step over anyway.
    let part = 0
    for (let hit = text.indexOf(term); hit >= 0;) {
      while (starts[part + 1]! <= hit) part += 1
      const partEnd = starts[part + 1]! - PART_BREAK.length
      let rank = -1
      if (passes(part)) {
        for (; hit >= 0 && hit < partEnd; hit = text.indexOf(term, hit + 1)) {
          rank = settle(hit, hit > 0 && text.charCodeAt(hit - 1) === SEP_CODE, ends, part * 4)
          if (rank >= 0) break
        }
        // A contact ranks by its weakest term: "ada northwind" is a name-and-organisation match.
        for (let t = 1; t < terms.length && rank >= 0; t += 1) {
          const termRank = rankIn(haystacks[t]!, part, terms[t]!.text)
          rank = termRank < 0 ? -1 : Math.max(rank, termRank)
        }
        if (rank >= 0) add(rank, list[part]!)
      }
      if (hit >= 0 && hit < partEnd) hit = text.indexOf(term, partEnd)
    }
  }

  let skip = offset
  const items: Contact[] = []
  for (let rank = 0; rank < RANKS && items.length < limit; rank += 1) {
    if (skip >= counts[rank]!) {
      skip -= counts[rank]!
      continue
    }
    const bucket = buckets[rank]!
    const end = Math.min(bucket.length, skip + (limit - items.length))
    for (let i = skip; i < end; i += 1) items.push(bucket[i]!)
    skip = 0
  }
  const total = counts.reduce((sum, count) => sum + count, 0)
  return { total, items }
}

/**
 * Builds every contact's keys and the default order ahead of the first search, in batches that
 * yield to the event loop: done cold inside the first keystroke, this takes on the order of a
 * second at 30,000 contacts (pinyin mostly). Call it once the store has loaded; searches work
 * before it finishes, they just pay for whatever is not built yet.
 */
export async function prepareContactSearch(
  contacts: readonly Contact[],
  batchSize = 250,
): Promise<void> {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 0))
  for (let start = 0; start < contacts.length; start += batchSize) {
    const end = Math.min(contacts.length, start + batchSize)
    for (let i = start; i < end; i += 1) keysOf(contacts[i]!)
    await pause()
  }
  // The sort is one piece; what each chunk needs can be spread out.
  const { chunks } = orderedBy(contacts, 'name', 'asc')
  for (const chunk of chunks) {
    await pause()
    columnsOf(chunk)
    haystackOf(chunk, true)
  }
}

/** Counts for the filter chips. Archived contacts count only when asked, as in the search. */
export function facetCounts(
  contacts: readonly Contact[],
  options: { includeArchived?: boolean } = {},
): FacetCounts {
  const tiers: Record<Tier, number> = { life: 0, close: 0, good: 0, outside: 0 }
  const ecosystems: Record<Ecosystem, number> = {
    interests: 0,
    work: 0,
    media: 0,
    finance: 0,
    community: 0,
    government: 0,
  }
  const tags = new Map<string, { tag: string; count: number }>()
  let total = 0
  for (const contact of contacts) {
    if (contact.archived && !options.includeArchived) continue
    total += 1
    tiers[contact.tier] += 1
    if (contact.ecosystem) ecosystems[contact.ecosystem] += 1
    // One count per contact even if it carries "AI" and "ai".
    for (const key of new Set(contact.tags.map(fold))) {
      const entry = tags.get(key)
      if (entry) entry.count += 1
      else tags.set(key, { tag: contact.tags.find((tag) => fold(tag) === key)!, count: 1 })
    }
  }
  return {
    total,
    tags: [...tags.entries()]
      .sort(([keyA, a], [keyB, b]) => b.count - a.count || compareText(keyA, keyB))
      .map(([, entry]) => entry),
    tiers,
    ecosystems,
  }
}
