import type { CountryCode } from 'libphonenumber-js'
import type { Contact } from '../../../shared/model'
import { linkedInProfileKey, mentionsLinkedIn } from './identity/linkedin'
import { normalizeName, normalizeOrganization } from './identity/names'
import { isE164Key, phoneKey } from './identity/phone'

/** The editable part of a contact: what an import row or a form can carry. */
export type ContactFields = Omit<Contact, 'id' | 'createdAt' | 'updatedAt' | 'demo'>

/** `name`: the same name, with an organisation on one side at most (import only). */
export type DuplicateReason = 'email' | 'phone' | 'linkedin' | 'name+organization' | 'name'

export interface DuplicateGroup {
  /** In the order the contacts were given. */
  ids: string[]
  reasons: DuplicateReason[]
}

// Reasons are reported in this order whatever order they were found in.
const REASON_ORDER: readonly DuplicateReason[] = [
  'email',
  'phone',
  'linkedin',
  'name+organization',
  'name',
]

/** Below this length a name is too short for a typo to be told from another name (王小明/王小红). */
const FUZZY_MIN_LENGTH = 4

// ---------------------------------------------------------------------------------------------
// Normalisers

export { normalizeName, normalizeOrganization }

export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase()
}

/**
 * The key a phone number is compared by: E.164 when libphonenumber can read it (national
 * numbers in `region`), else "#" and its digits. "+86 138 1234 5678" and "138 1234 5678" in CN
 * are one; "+1 (381) 234-5678" is another number, however its digits end.
 */
export function normalizePhone(value: string, region?: CountryCode): string {
  return phoneKey(value, region)
}

/** Two phone keys from `normalizePhone` are one number only when they are equal. */
export function samePhone(a: string, b: string): boolean {
  return a !== '' && a === b
}

/** "/in/<slug>" for a LinkedIn profile, or a bare slug; null for anything else. */
export function normalizeLinkedIn(value: string): string | null {
  return linkedInProfileKey(value, { bareSlug: true })
}

// ---------------------------------------------------------------------------------------------
// Keys of one contact

/** A contact's normalised identifiers. */
export interface ContactKeys {
  emails: string[]
  phones: string[]
  linkedIns: string[]
  name: string
  organization: string
}

export function keysOf(contact: Partial<ContactFields>, region?: CountryCode): ContactKeys {
  const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))]
  return {
    emails: unique((contact.emails ?? []).map((e) => normalizeEmail(e.value))),
    phones: unique((contact.phones ?? []).map((p) => normalizePhone(p.value, region))),
    linkedIns: unique(
      (contact.links ?? [])
        // A bare slug only means LinkedIn when the link says so.
        .filter((l) => l.kind === 'linkedin' || mentionsLinkedIn(l.value))
        .map((l) => normalizeLinkedIn(l.value)),
    ),
    name: normalizeName(contact.name ?? ''),
    organization: normalizeOrganization(contact.organization ?? ''),
  }
}

const ASTRAL = /[\uD800-\uDFFF]/

/**
 * The text as code points, so a Chinese character or an emoji counts as one. Most names have no
 * characters beyond the BMP and are indexed as they are, which saves an array per comparison.
 */
const chars = (text: string): string | string[] => (ASTRAL.test(text) ? Array.from(text) : text)

/** Levenshtein distance at most 1, in one pass. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true
  const x = chars(a)
  const y = chars(b)
  if (Math.abs(x.length - y.length) > 1) return false
  const [short, long] = x.length <= y.length ? [x, y] : [y, x]
  let i = 0
  while (i < short.length && short[i] === long[i]) i++
  // Skip the one differing character (substitution) or the extra one (insertion), then the rest
  // must agree.
  const skipShort = short.length === long.length ? 1 : 0
  for (let s = i + skipShort, l = i + 1; l < long.length; s++, l++) {
    if (short[s] !== long[l]) return false
  }
  return true
}

/** Similar enough for the name+organisation rule. */
function similarNames(a: string, b: string): boolean {
  if (a === b) return a.length > 0
  const la = chars(a).length
  const lb = chars(b).length
  return Math.min(la, lb) >= FUZZY_MIN_LENGTH && withinOneEdit(a, b)
}

/**
 * Bucket keys for the fuzzy name rule. Two names within one edit, the shorter of length m, always
 * agree on their first ⌊m/2⌋ or their last ⌊m/2⌋ characters (the edit sits in one half, the other
 * half is untouched). A name of length L can be the shorter at m = L or the longer at m = L - 1,
 * so it files under both halves for both lengths: four short keys instead of comparing every pair
 * in a large organisation. Names too short for the fuzzy rule only match exactly.
 */
function nameKeys(name: string): string[] {
  const cs = chars(name)
  const length = cs.length
  if (length < FUZZY_MIN_LENGTH) return [`=${name}`]
  const part = (from: number, to: number) =>
    typeof cs === 'string' ? cs.slice(from, to) : cs.slice(from, to).join('')
  const keys: string[] = []
  for (const m of [length, length - 1]) {
    if (m < FUZZY_MIN_LENGTH) continue
    const half = m >> 1
    keys.push(`${m}<${part(0, half)}`, `${m}>${part(length - half, length)}`)
  }
  return keys
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

// ---------------------------------------------------------------------------------------------
// Duplicate groups

/**
 * A strong identifier that differs means a different person: both have emails (or phones, or
 * LinkedIn profiles) and share none. Then a similar name at the same organisation is two
 * namesakes, not one person (two Wei Wangs at one company are common).
 */
export function differentPeople(a: ContactKeys, b: ContactKeys): boolean {
  const disjoint = (x: string[], y: string[]) =>
    x.length > 0 && y.length > 0 && !x.some((v) => y.includes(v))
  return (
    disjoint(a.emails, b.emails) ||
    disjoint(a.phones.filter(isE164Key), b.phones.filter(isE164Key)) ||
    disjoint(a.linkedIns, b.linkedIns)
  )
}

/**
 * Groups contacts that are probably one person: they share an email, a phone number or a
 * LinkedIn profile, or have (nearly) the same name at the same organisation and no strong
 * identifier that tells them apart. Links chain, so a group can hold people found by different
 * reasons. Linear in the number of contacts apart from the name buckets, which only hold the
 * contacts of one organisation with similar names.
 */
export function findDuplicateGroups(
  contacts: readonly Contact[],
  options: { region?: CountryCode | undefined } = {},
): DuplicateGroup[] {
  const parent = contacts.map((_, i) => i)
  const find = (i: number): number => {
    let root = i
    while (parent[root] !== root) root = parent[root]!
    while (parent[i] !== root) {
      const next = parent[i]!
      parent[i] = root
      i = next
    }
    return root
  }
  const edges: [number, number, DuplicateReason][] = []
  const union = (a: number, b: number, reason: DuplicateReason) => {
    if (a === b) return
    edges.push([a, b, reason])
    const ra = find(a)
    const rb = find(b)
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }

  const firstWith = {
    email: new Map<string, number>(),
    phone: new Map<string, number>(),
    linkedin: new Map<string, number>(),
  }
  const sameKey = (map: Map<string, number>, key: string, i: number, reason: DuplicateReason) => {
    const first = map.get(key)
    if (first === undefined) map.set(key, i)
    else union(first, i, reason)
  }
  // Per organisation: its distinct names, each with every contact of that name.
  const namesByOrg = new Map<string, Map<string, number[]>>()
  const keys = contacts.map((contact) => keysOf(contact, options.region))

  keys.forEach((k, i) => {
    for (const email of k.emails) sameKey(firstWith.email, email, i, 'email')
    for (const phone of k.phones) sameKey(firstWith.phone, phone, i, 'phone')
    for (const profile of k.linkedIns) sameKey(firstWith.linkedin, profile, i, 'linkedin')
    if (k.organization && k.name) {
      let names = namesByOrg.get(k.organization)
      if (!names) namesByOrg.set(k.organization, (names = new Map()))
      push(names, k.name, i)
    }
  })

  const pairUp = (xs: readonly number[], ys: readonly number[] | null) => {
    xs.forEach((a, x) => {
      for (const b of ys ?? xs.slice(x + 1)) {
        if (!differentPeople(keys[a]!, keys[b]!)) union(a, b, 'name+organization')
      }
    })
  }
  for (const names of namesByOrg.values()) {
    for (const holders of names.values()) pairUp(holders, null)
    if (names.size < 2) continue
    const byKey = new Map<string, string[]>()
    for (const name of names.keys()) {
      for (const key of nameKeys(name)) push(byKey, key, name)
    }
    // Two names can share more than one key; compare each pair of names once.
    const compared = new Set<string>()
    for (const candidates of byKey.values()) {
      for (let x = 0; x < candidates.length; x++) {
        for (let y = x + 1; y < candidates.length; y++) {
          const a = candidates[x]!
          const b = candidates[y]!
          const pair = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`
          if (compared.has(pair)) continue
          compared.add(pair)
          if (a !== b && similarNames(a, b)) pairUp(names.get(a)!, names.get(b)!)
        }
      }
    }
  }

  const groups = new Map<number, { members: number[]; reasons: Set<DuplicateReason> }>()
  for (const [a, , reason] of edges) {
    const root = find(a)
    let group = groups.get(root)
    if (!group) groups.set(root, (group = { members: [], reasons: new Set() }))
    group.reasons.add(reason)
  }
  contacts.forEach((_, i) => groups.get(find(i))?.members.push(i))
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, group]) => ({
      ids: group.members.map((i) => contacts[i]!.id),
      reasons: REASON_ORDER.filter((r) => group.reasons.has(r)),
    }))
}

// ---------------------------------------------------------------------------------------------
// Matching imported rows

/** People by their normalised keys; build once, then match any number of rows, or add to it. */
export interface MatchIndex {
  readonly region: CountryCode | undefined
  readonly contacts: Contact[]
  readonly byEmail: Map<string, number[]>
  readonly byPhone: Map<string, number[]>
  readonly byLinkedIn: Map<string, number[]>
  /** By organisation, then by each name key (see `nameKeys`). */
  readonly byOrgName: Map<string, Map<string, number[]>>
  /** By name: everyone, and those without an organisation. */
  readonly byName: Map<string, number[]>
  readonly byNameOnly: Map<string, number[]>
  /** Normalised keys per contact, so a match is confirmed without normalising again. */
  readonly keys: ContactKeys[]
}

export function buildMatchIndex(contacts: readonly Contact[], region?: CountryCode): MatchIndex {
  const index: MatchIndex = {
    region,
    contacts: [],
    byEmail: new Map(),
    byPhone: new Map(),
    byLinkedIn: new Map(),
    byOrgName: new Map(),
    byName: new Map(),
    byNameOnly: new Map(),
    keys: [],
  }
  for (const contact of contacts) addToIndex(index, contact)
  return index
}

/** Adds one person to the index (an import adds each row it will create, to catch repeats). */
export function addToIndex(index: MatchIndex, contact: Contact): number {
  const at = index.contacts.length
  const k = keysOf(contact, index.region)
  index.contacts.push(contact)
  index.keys.push(k)
  for (const email of k.emails) push(index.byEmail, email, at)
  for (const phone of k.phones) push(index.byPhone, phone, at)
  for (const profile of k.linkedIns) push(index.byLinkedIn, profile, at)
  if (k.name) push(index.byName, k.name, at)
  if (k.name && !k.organization) push(index.byNameOnly, k.name, at)
  if (k.organization && k.name) {
    let names = index.byOrgName.get(k.organization)
    if (!names) index.byOrgName.set(k.organization, (names = new Map()))
    for (const key of nameKeys(k.name)) push(names, key, at)
  }
  return at
}

export interface ContactMatch {
  contact: Contact
  /** Position in the index: store contacts first, then what was added. */
  at: number
  reasons: DuplicateReason[]
  /**
   * Already there: a strong identifier (email, phone, LinkedIn) is shared, the name is the same,
   * and every strong identifier of the candidate is already on this contact. A name alone is
   * never enough.
   */
  exact: boolean
}

export interface MatchResult {
  /** Exact duplicates first, then by how many reasons agree, then in index order. */
  matches: ContactMatch[]
  /** True when the candidate adds nothing that identifies a new person: skip it on import. */
  exact: boolean
}

const STRONG: readonly DuplicateReason[] = ['email', 'phone', 'linkedin']
/** Namesakes listed for a row matched by its name alone. */
const MAX_NAME_ONLY_MATCHES = 20

/**
 * The people an imported row (or a new card) probably is. Pass an index from `buildMatchIndex`
 * when matching many rows against the same contacts.
 */
export function findMatches(
  candidate: Partial<ContactFields>,
  contacts: readonly Contact[],
  index: MatchIndex = buildMatchIndex(contacts),
  options: {
    fuzzyWhenIdentified?: boolean
    /**
     * Also the same name where one side has no organisation: a row of an import that may be
     * someone already there (a possible duplicate, never an exact one).
     */
    sameNameAlone?: boolean
  } = {},
): MatchResult {
  const keys = keysOf(candidate, index.region)
  const found = new Map<number, Set<DuplicateReason>>()
  const note = (at: number, reason: DuplicateReason) => {
    const reasons = found.get(at)
    if (reasons) reasons.add(reason)
    else found.set(at, new Set([reason]))
  }
  for (const email of keys.emails)
    for (const at of index.byEmail.get(email) ?? []) note(at, 'email')
  for (const phone of keys.phones)
    for (const at of index.byPhone.get(phone) ?? []) note(at, 'phone')
  for (const profile of keys.linkedIns) {
    for (const at of index.byLinkedIn.get(profile) ?? []) note(at, 'linkedin')
  }
  // Import only needs to know whether a row is someone already there: once an email, phone or
  // profile has said so, comparing names across a large organisation adds nothing.
  const fuzzy = options.fuzzyWhenIdentified ?? true
  if (keys.organization && keys.name && (fuzzy || found.size === 0)) {
    // A name sits under several keys; compare each contact once.
    const compared = new Set<number>()
    const names = index.byOrgName.get(keys.organization)
    for (const key of names ? nameKeys(keys.name) : []) {
      for (const at of names?.get(key) ?? []) {
        if (compared.has(at)) continue
        compared.add(at)
        const other = index.keys[at]!
        if (similarNames(keys.name, other.name) && !differentPeople(keys, other)) {
          note(at, 'name+organization')
        }
      }
    }
  }

  if (options.sameNameAlone && keys.name && found.size === 0) {
    // Without an organisation on this side any namesake may be this person, else only those
    // without one. A few are enough to say "possible duplicate"; a common name has thousands.
    const holders = (keys.organization ? index.byNameOnly : index.byName).get(keys.name) ?? []
    let noted = 0
    for (const at of holders) {
      if (noted >= MAX_NAME_ONLY_MATCHES) break
      const other = index.keys[at]!
      if (!differentPeople(keys, other)) {
        note(at, 'name')
        noted += 1
      }
    }
  }

  const matches = [...found.entries()].map(([at, reasons]): ContactMatch => {
    const existing = index.keys[at]!
    const exact =
      STRONG.some((r) => reasons.has(r)) &&
      keys.name !== '' &&
      keys.name === existing.name &&
      keys.emails.every((e) => existing.emails.includes(e)) &&
      keys.phones.every((p) => existing.phones.includes(p)) &&
      keys.linkedIns.every((l) => existing.linkedIns.includes(l))
    return {
      at,
      contact: index.contacts[at]!,
      reasons: REASON_ORDER.filter((r) => reasons.has(r)),
      exact,
    }
  })
  matches.sort(
    (a, b) =>
      Number(b.exact) - Number(a.exact) || b.reasons.length - a.reasons.length || a.at - b.at,
  )
  return { matches, exact: matches.some((m) => m.exact) }
}
