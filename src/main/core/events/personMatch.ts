import type { Contact } from '../../../shared/model'

/** How a listed speaker or attendee was recognised as an existing contact. */
export type MatchedBy = 'email' | 'linkedin' | 'nameAndOrganization'

export interface PersonKeys {
  name: string
  organization: string
  email: string
  linkedinUrl: string
}

/** Lower case, NFKC (full-width letters from Chinese keyboards), single spaces. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}

/**
 * "https://www.linkedin.com/in/Ada-L/?utm=x" and "linkedin.com/in/ada-l" are one profile: the
 * path after the host, without query, trailing slash or case, is what identifies it.
 */
export function normaliseLinkedin(url: string): string {
  const bare = url
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^([a-z]{2,3}\.|www\.)?linkedin\.com/, 'linkedin.com')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
  return bare.startsWith('linkedin.com/') ? bare : ''
}

const nameKey = (name: string, organization: string) =>
  `${normaliseText(name)}\u0000${normaliseText(organization)}`

/**
 * A matcher over the contacts, built once per import: email first (the most reliable), then the
 * LinkedIn profile, then name and organisation together. A name alone never matches: two
 * "Li Wei"s at one conference are common.
 */
export function createPersonMatcher(contacts: readonly Contact[]) {
  const byEmail = new Map<string, string>()
  const byLinkedin = new Map<string, string>()
  const byName = new Map<string, string>()
  for (const c of contacts) {
    if (c.archived) continue
    for (const e of c.emails) byEmail.set(normaliseText(e.value), c.id)
    for (const l of c.links) {
      const key =
        l.kind === 'linkedin' || /linkedin\.com/i.test(l.value) ? normaliseLinkedin(l.value) : ''
      if (key) byLinkedin.set(key, c.id)
    }
    if (c.organization.trim()) byName.set(nameKey(c.name, c.organization), c.id)
  }
  return (person: PersonKeys): { contactId: string; by: MatchedBy } | null => {
    const email = normaliseText(person.email)
    const viaEmail = email ? byEmail.get(email) : undefined
    if (viaEmail) return { contactId: viaEmail, by: 'email' }
    const profile = normaliseLinkedin(person.linkedinUrl)
    const viaLinkedin = profile ? byLinkedin.get(profile) : undefined
    if (viaLinkedin) return { contactId: viaLinkedin, by: 'linkedin' }
    if (person.organization.trim()) {
      const viaName = byName.get(nameKey(person.name, person.organization))
      if (viaName) return { contactId: viaName, by: 'nameAndOrganization' }
    }
    return null
  }
}
