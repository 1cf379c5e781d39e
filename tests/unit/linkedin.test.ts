import { describe, expect, it } from 'vitest'
import { linkedInProfileKey } from '../../src/main/core/contacts/identity/linkedin'
import { normalizeLinkedIn } from '../../src/main/core/contacts/duplicates'

/** The one LinkedIn reading that import, duplicates, merge and event lists share. */
describe('linkedInProfileKey', () => {
  it('reads every spelling of a profile address as one profile', () => {
    const spellings = [
      'https://www.linkedin.com/in/Ada-Lovelace/?trk=public_profile',
      'http://cn.linkedin.com/in/ada-lovelace',
      'linkedin.com/in/ada-lovelace#about',
      'www.linkedin.com/in/ada-lovelace/',
      'https://www.linkedin.cn/in/ada-lovelace',
      'https://www.linkedin.cn/incareer/in/ada-lovelace',
      'https://www.linkedin.com/mwlite/in/ada-lovelace',
      'HTTPS://DE.LINKEDIN.COM/IN/ADA-LOVELACE',
    ]
    for (const url of spellings)
      expect([url, linkedInProfileKey(url)]).toEqual([url, '/in/ada-lovelace'])
    expect(linkedInProfileKey('https://www.linkedin.com/in/%E7%8E%8B%E5%B0%8F%E6%98%8E')).toBe(
      '/in/王小明',
    )
  })

  it('never takes a company, school or other site for a person', () => {
    for (const url of [
      'https://www.linkedin.com/company/acme',
      'https://www.linkedin.cn/company/acme/',
      'https://www.linkedin.com/school/tsinghua-university',
      'https://www.linkedin.com/in/',
      'https://example.com/in/ada-lovelace',
      'https://notlinkedin.com/in/ada-lovelace',
      'https://linkedin.com.evil.example/in/ada-lovelace',
    ]) {
      expect([url, linkedInProfileKey(url)]).toEqual([url, null])
    }
  })

  it('reads a bare slug only where the field is known to hold a LinkedIn profile', () => {
    expect(linkedInProfileKey('ada-lovelace')).toBeNull()
    expect(linkedInProfileKey('ada-lovelace', { bareSlug: true })).toBe('/in/ada-lovelace')
    expect(normalizeLinkedIn('ada-lovelace')).toBe('/in/ada-lovelace')
  })
})
