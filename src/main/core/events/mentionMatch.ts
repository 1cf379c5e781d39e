import { pinyin } from 'pinyin-pro'
import type { Contact, EventPerson } from '../../../shared/model'
import { normalizeName, normalizeOrganization } from '../contacts/identity/names'
import type { MentionParts } from './mentionNames'

const HAN = /\p{Script=Han}/u

/**
 * The ways a name may be typed: as written, and for a Chinese name its pinyin in both orders
 * ("孙强" = "sunqiang" = "Qiang Sun"), so "Sun Qiang from Sequoia" finds 孙强.
 */
function nameKeys(name: string): string[] {
  const keys = [normalizeName(name)]
  if (HAN.test(name)) {
    const syllables = pinyin(name.replace(/\s/g, ''), { toneType: 'none', type: 'array' })
    keys.push(syllables.join(''), [...syllables.slice(1), syllables[0] ?? ''].join(''))
  }
  return keys.filter(Boolean)
}

const sameName = (candidate: string, typed: string) => {
  const typedKey = normalizeName(typed)
  return typedKey !== '' && nameKeys(candidate).includes(typedKey)
}

/** "红杉" and "红杉中国", "Sequoia" and "Sequoia Capital": one core contains the other. */
const sameOrganization = (a: string, b: string) => {
  const x = normalizeOrganization(a)
  const y = normalizeOrganization(b)
  return x !== '' && y !== '' && (x.includes(y) || y.includes(x))
}

/**
 * The one candidate a mention names: among those with the name, the one at the organisation
 * it gives; when the organisation matches nobody (it may be written in another language,
 * "Sequoia" for 红杉中国), the only one with the name. Null when it stays ambiguous.
 */
function pick<T extends { name: string; organization: string }>(
  candidates: readonly T[],
  mention: MentionParts,
): T | null | 'ambiguous' {
  const named = candidates.filter((c) => sameName(c.name, mention.name))
  if (named.length === 0) return null
  if (mention.organization) {
    const atOrganization = named.filter((c) =>
      sameOrganization(c.organization, mention.organization),
    )
    if (atOrganization.length === 1) return atOrganization[0]!
    if (atOrganization.length > 1) return 'ambiguous'
  }
  return named.length === 1 ? named[0]! : 'ambiguous'
}

/**
 * Who a mention refers to: someone on the event's list first (the people in the room), then a
 * contact. An ambiguous name links nobody rather than the wrong person.
 */
export function resolveMention(
  contacts: readonly Contact[],
  people: readonly EventPerson[],
  mention: MentionParts,
): { contactId?: string; personId?: string } | 'ambiguous' {
  const listed = pick(people, mention)
  if (listed === 'ambiguous') return 'ambiguous'
  if (listed)
    return { personId: listed.id, ...(listed.contactId ? { contactId: listed.contactId } : {}) }
  const contact = pick(
    contacts.filter((c) => !c.archived),
    mention,
  )
  if (contact === 'ambiguous') return 'ambiguous'
  return contact ? { contactId: contact.id } : {}
}
