import { describe, expect, it } from 'vitest'
import { sameValue } from '../../src/shared/store/versionedEdit'
import { changesOf, rebaseOnConflict } from '../../src/renderer/src/edits/editConflict'

interface Place {
  updatedAt: string
  venue?: string
  city?: string
  organiser: { organization: string; contactIds: string[] }
}
const draftOf = (p: Place) => ({
  venue: p.venue ?? '',
  city: p.city ?? '',
  organization: p.organiser.organization,
})

describe('merging a refused edit', () => {
  const started: Place = {
    updatedAt: '2027-01-01T00:00:00.000Z',
    venue: 'Expo Hall',
    organiser: { organization: 'AI Guild', contactIds: ['a'] },
  }

  it('sends only the changed fields, with the stored values they replace', () => {
    const draft = { ...draftOf(started), city: 'Shanghai' }
    const fields = (d: ReturnType<typeof draftOf>) => ({
      venue: d.venue,
      city: d.city,
      organiser: { organization: d.organization, contactIds: ['a'] },
    })
    expect(
      changesOf(fields(draftOf(started)), fields(draft), ['venue', 'city', 'organiser'], started),
    ).toEqual({ patch: { city: 'Shanghai' }, base: { city: null } })
  })

  it('takes theirs only where chosen and keeps every other typed field', () => {
    const typed = { venue: 'Pudong Center', city: 'Shanghai', organization: 'AI Builders' }
    const conflict = {
      kind: 'event',
      updatedAt: '2027-01-02T00:00:00.000Z',
      fields: ['venue', 'organiser'],
      current: {
        venue: 'West Bund',
        organiser: { organization: 'AI Guild Shanghai', contactIds: ['a', 'b'] },
      },
    }
    const merged = rebaseOnConflict(
      started,
      typed,
      conflict,
      { venue: 'theirs', organiser: 'mine' },
      draftOf,
    )
    expect(merged.draft).toEqual({
      venue: 'West Bund',
      city: 'Shanghai',
      organization: 'AI Builders',
    })
    // The next save starts from the version saved elsewhere, so it is not refused again.
    expect(merged.started).toMatchObject({
      updatedAt: '2027-01-02T00:00:00.000Z',
      venue: 'West Bund',
      organiser: { organization: 'AI Guild Shanghai', contactIds: ['a', 'b'] },
    })
  })

  it('treats a missing value, empty text and an empty list as the same', () => {
    expect(sameValue(undefined, '')).toBe(true)
    expect(sameValue([], null)).toBe(true)
    expect(sameValue({ a: 1, b: '' }, { a: 1 })).toBe(true)
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false)
    expect(sameValue(['x', 'y'], ['y', 'x'])).toBe(false)
  })
})
