import type { Contact } from '../../../shared/model'

/** The editable part of a contact: what an import row or a form can carry. */
export type ContactFields = Omit<Contact, 'id' | 'createdAt' | 'updatedAt' | 'demo'>

export type DuplicateReason = 'email' | 'phone' | 'linkedin' | 'name+organization'

export interface DuplicateGroup {
  /** In the order the contacts were given. */
  ids: string[]
  reasons: DuplicateReason[]
}

// Reasons are reported in this order whatever order they were found in.
const REASON_ORDER: readonly DuplicateReason[] = ['email', 'phone', 'linkedin', 'name+organization']

/** Numbers that agree on at least this many trailing digits can be one number. */
const PHONE_SUFFIX = 8
/** Below this length a name is too short for a typo to be told from another name (王小明/王小红). */
const FUZZY_MIN_LENGTH = 4

// ---------------------------------------------------------------------------------------------
// Normalisers

export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase()
}

/**
 * Digits only, without the international "00" or "+" and without a national trunk "0", so that
 * "+44 20 7946 0958", "0044 20 7946 0958" and "020 7946 0958" end the same way. Which country
 * code a number carries cannot be known without a numbering table, so numbers are compared by
 * their trailing digits instead (see `samePhone`).
 */
export function normalizePhone(value: string): string {
  const international = /^\s*(\+|00)/.test(value)
  let digits = value.replace(/\D/g, '')
  if (international) digits = digits.replace(/^00/, '')
  else digits = digits.replace(/^0(?=\d)/, '')
  return digits
}

/**
 * Two normalised numbers are the same when the shorter is the tail of the longer and is at least
 * eight digits long (a country code or trunk prefix is all that may differ); short numbers must
 * be equal.
 */
export function samePhone(a: string, b: string): boolean {
  if (a === b) return a.length > 0
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return short.length >= PHONE_SUFFIX && long.endsWith(short)
}

/** The key numbers are bucketed by: candidates for `samePhone` always share it. */
function phoneBucket(digits: string): string {
  return digits.length >= PHONE_SUFFIX ? digits.slice(-PHONE_SUFFIX) : `=${digits}`
}

/**
 * "/in/<slug>" for a LinkedIn profile address in any of its spellings (protocol, www or country
 * subdomain, query, trailing slash, letter case, percent-encoding), or a bare slug; null for
 * anything else, such as a company page, which many people share.
 */
export function normalizeLinkedIn(value: string): string | null {
  let text = value.trim()
  if (!text) return null
  if (!text.includes('/') && !text.includes('.') && !/\s/.test(text)) return `/in/${decode(text)}`
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/[?#].*$/, '')
  const slash = text.indexOf('/')
  const host = (slash < 0 ? text : text.slice(0, slash)).toLowerCase()
  if (!/(^|\.)linkedin\.[a-z.]+$/.test(host)) return null
  const match = /^\/in\/([^/]+)\/?$/i.exec(slash < 0 ? '' : text.slice(slash))
  return match?.[1] ? `/in/${decode(match[1])}` : null
}

function decode(slug: string): string {
  let text = slug
  try {
    text = decodeURIComponent(slug)
  } catch {
    // A stray "%" is part of what the user typed; compare it as it is.
  }
  return text.normalize('NFKC').toLowerCase()
}

/** NFKC, lower case, no spaces or punctuation: "Ada  Lovelace." and "ada lovelace" are one. */
export function normalizeName(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '')
}

// Legal-form suffixes that say nothing about which organisation it is.
const LEGAL_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  'incorporated',
  'corporation',
  'limited',
  'company',
  'gmbh',
  'corp',
  'inc',
  'ltd',
  'llc',
  'plc',
  'co',
]

/** Like a name, and without a trailing legal form: "Acme, Inc." and "ACME" are one. */
export function normalizeOrganization(value: string): string {
  const name = normalizeName(value)
  for (const suffix of LEGAL_SUFFIXES) {
    if (name.length > suffix.length && name.endsWith(suffix)) return name.slice(0, -suffix.length)
  }
  return name
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

function keysOf(contact: Partial<ContactFields>): ContactKeys {
  const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))]
  return {
    emails: unique((contact.emails ?? []).map((e) => normalizeEmail(e.value))),
    phones: unique((contact.phones ?? []).map((p) => normalizePhone(p.value))),
    linkedIns: unique(
      (contact.links ?? [])
        // A bare slug only means LinkedIn when the link says so.
        .filter((l) => l.kind === 'linkedin' || /linkedin\./i.test(l.value))
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

const orgNameKey = (organization: string, key: string) => `${organization}\u0000${key}`

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

// ---------------------------------------------------------------------------------------------
// Duplicate groups

/**
 * Groups contacts that are probably one person: they share an email, a phone number or a
 * LinkedIn profile, or have (nearly) the same name at the same organisation. Links chain, so a
 * group can hold people found by different reasons. Linear in the number of contacts apart from
 * the fuzzy-name buckets, which only hold distinct names of one organisation.
 */
export function findDuplicateGroups(contacts: readonly Contact[]): DuplicateGroup[] {
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
    linkedin: new Map<string, number>(),
    orgName: new Map<string, number>(),
  }
  const sameKey = (map: Map<string, number>, key: string, i: number, reason: DuplicateReason) => {
    const first = map.get(key)
    if (first === undefined) map.set(key, i)
    else union(first, i, reason)
  }
  // Phone buckets hold distinct numbers only; the first holder of each number stands for all.
  const phoneBuckets = new Map<string, Map<string, number>>()
  // Per organisation: its distinct names, compared through their name keys.
  const namesByOrg = new Map<string, Map<string, number>>()

  contacts.forEach((contact, i) => {
    const keys = keysOf(contact)
    for (const email of keys.emails) sameKey(firstWith.email, email, i, 'email')
    for (const profile of keys.linkedIns) sameKey(firstWith.linkedin, profile, i, 'linkedin')
    for (const phone of keys.phones) {
      if (!phone) continue
      const bucketKey = phoneBucket(phone)
      let bucket = phoneBuckets.get(bucketKey)
      if (!bucket) phoneBuckets.set(bucketKey, (bucket = new Map()))
      const first = bucket.get(phone)
      if (first === undefined) bucket.set(phone, i)
      else union(first, i, 'phone')
    }
    if (keys.organization && keys.name) {
      const key = orgNameKey(keys.organization, keys.name)
      const known = firstWith.orgName.has(key)
      sameKey(firstWith.orgName, key, i, 'name+organization')
      if (!known) {
        let names = namesByOrg.get(keys.organization)
        if (!names) namesByOrg.set(keys.organization, (names = new Map()))
        names.set(keys.name, i)
      }
    }
  })

  for (const bucket of phoneBuckets.values()) {
    if (bucket.size < 2) continue
    const numbers = [...bucket]
    for (let x = 0; x < numbers.length; x++) {
      for (let y = x + 1; y < numbers.length; y++) {
        const [a, ia] = numbers[x]!
        const [b, ib] = numbers[y]!
        if (samePhone(a, b)) union(ia, ib, 'phone')
      }
    }
  }

  for (const names of namesByOrg.values()) {
    if (names.size < 2) continue
    const byKey = new Map<string, string[]>()
    for (const name of names.keys()) {
      for (const key of nameKeys(name)) push(byKey, key, name)
    }
    for (const candidates of byKey.values()) {
      for (let x = 0; x < candidates.length; x++) {
        for (let y = x + 1; y < candidates.length; y++) {
          const a = candidates[x]!
          const b = candidates[y]!
          if (similarNames(a, b)) union(names.get(a)!, names.get(b)!, 'name+organization')
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

/** Existing contacts by their normalised keys; build once, then match any number of rows. */
export interface MatchIndex {
  readonly contacts: readonly Contact[]
  readonly byEmail: ReadonlyMap<string, readonly number[]>
  /** Bucketed by the last eight digits; entries carry the whole number to confirm a match. */
  readonly byPhone: ReadonlyMap<string, readonly { digits: string; at: number }[]>
  readonly byLinkedIn: ReadonlyMap<string, readonly number[]>
  /** By organisation, then by each name key (see `nameKeys`). */
  readonly byOrgName: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>
  /** Normalised keys per contact, so a match is confirmed without normalising again. */
  readonly keys: readonly ContactKeys[]
}

export function buildMatchIndex(contacts: readonly Contact[]): MatchIndex {
  const byEmail = new Map<string, number[]>()
  const byPhone = new Map<string, { digits: string; at: number }[]>()
  const byLinkedIn = new Map<string, number[]>()
  const byOrgName = new Map<string, Map<string, number[]>>()
  const keys = contacts.map((contact, at) => {
    const k = keysOf(contact)
    for (const email of k.emails) if (email) push(byEmail, email, at)
    for (const digits of k.phones) if (digits) push(byPhone, phoneBucket(digits), { digits, at })
    for (const profile of k.linkedIns) push(byLinkedIn, profile, at)
    if (k.organization && k.name) {
      let names = byOrgName.get(k.organization)
      if (!names) byOrgName.set(k.organization, (names = new Map()))
      for (const key of nameKeys(k.name)) push(names, key, at)
    }
    return k
  })
  return { contacts, byEmail, byPhone, byLinkedIn, byOrgName, keys }
}

export interface ContactMatch {
  contact: Contact
  reasons: DuplicateReason[]
  /** Same name, and every email and phone of the candidate is already on this contact. */
  exact: boolean
}

export interface MatchResult {
  /** Exact duplicates first, then by how many reasons agree, then in store order. */
  matches: ContactMatch[]
  /** True when the candidate adds nothing that identifies a new person: skip it on import. */
  exact: boolean
}

/**
 * The existing contacts an imported row (or a new card) probably is. Pass an index from
 * `buildMatchIndex` when matching many rows against the same contacts.
 */
export function findMatches(
  candidate: Partial<ContactFields>,
  contacts: readonly Contact[],
  index: MatchIndex = buildMatchIndex(contacts),
  options: { fuzzyWhenIdentified?: boolean } = {},
): MatchResult {
  const keys = keysOf(candidate)
  const found = new Map<number, Set<DuplicateReason>>()
  const note = (at: number, reason: DuplicateReason) => {
    const reasons = found.get(at)
    if (reasons) reasons.add(reason)
    else found.set(at, new Set([reason]))
  }
  for (const email of keys.emails) {
    if (email) for (const at of index.byEmail.get(email) ?? []) note(at, 'email')
  }
  for (const digits of keys.phones) {
    if (!digits) continue
    for (const entry of index.byPhone.get(phoneBucket(digits)) ?? []) {
      if (samePhone(digits, entry.digits)) note(entry.at, 'phone')
    }
  }
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
        if (similarNames(keys.name, index.keys[at]!.name)) note(at, 'name+organization')
      }
    }
  }

  const matches = [...found.entries()].map(([at, reasons]): ContactMatch & { at: number } => {
    const existing = index.keys[at]!
    const exact =
      keys.name !== '' &&
      keys.name === existing.name &&
      keys.emails.every((e) => existing.emails.includes(e)) &&
      keys.phones.every((p) => existing.phones.some((q) => samePhone(p, q)))
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
  return {
    matches: matches.map(({ contact, reasons, exact }) => ({ contact, reasons, exact })),
    exact: matches.some((m) => m.exact),
  }
}
