import { describe, expect, it } from 'vitest'
import { emptyCardFields, type CardFields } from '../../src/shared/cards/cardFields'
import { contactSchema } from '../../src/shared/model'
import { draftFromContact } from '../../src/renderer/src/contacts/card/cardDraft'
import { applyOffers, cardOffers } from '../../src/renderer/src/contacts/card/cardScanOffer'

const draft = draftFromContact(
  contactSchema.parse({
    id: 'c1',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    name: 'Emma Bennett',
    familyName: 'Bennett',
    givenName: 'Emma',
    organization: 'Harbor Analytics',
    phones: [{ label: 'mobile', value: '+44 20 7383 4103' }],
    emails: [{ label: 'work', value: 'Emma_Bennett@harboranalytics.co.uk' }],
    notes: 'Met at PyCon',
  }),
)

const card: CardFields = {
  ...emptyCardFields(),
  name: 'Emma Bennett',
  familyName: 'Bennett',
  givenName: 'Emma',
  title: 'Senior Software Engineer',
  organization: 'Harbor Analytics Ltd.',
  phones: ['+442073834103', '+442071234567'],
  emails: ['emma_bennett@harboranalytics.co.uk', 'emma@bennett.dev'],
  linkedin: 'linkedin.com/in/emma-bennett-137',
  address: '14 Baker Lane, London EC2A 4NE',
}

describe('taking a scanned card into a contact', () => {
  it('offers only what the contact lacks, and ticks only what replaces nothing', () => {
    const offers = cardOffers(draft, card)
    expect(offers.map((o) => [o.field, o.value, o.checked, o.replaces])).toEqual([
      ['title', 'Senior Software Engineer', true, undefined],
      ['organization', 'Harbor Analytics Ltd.', false, 'Harbor Analytics'],
      ['phone', '+442071234567', true, undefined],
      ['email', 'emma@bennett.dev', true, undefined],
      ['link', 'https://www.linkedin.com/in/emma-bennett-137', true, undefined],
      ['address', '14 Baker Lane, London EC2A 4NE', true, undefined],
    ])
  })

  it('applies the ticked ones to the form and leaves the rest as it was', () => {
    const offers = cardOffers(draft, card)
    const chosen = new Set(offers.filter((o) => o.checked).map((o) => o.key))
    const next = applyOffers(draft, offers, chosen)
    expect(next.organization).toBe('Harbor Analytics')
    expect(next.role).toBe('Senior Software Engineer')
    expect(next.phones.map((p) => p.value)).toEqual(['+44 20 7383 4103', '+442071234567'])
    expect(next.emails.map((e) => e.value)).toEqual([
      'Emma_Bennett@harboranalytics.co.uk',
      'emma@bennett.dev',
    ])
    expect(next.links).toEqual([
      { kind: 'linkedin', value: 'https://www.linkedin.com/in/emma-bennett-137' },
    ])
    expect(next.notes).toBe('Met at PyCon\n14 Baker Lane, London EC2A 4NE')
    // Nothing left to offer once taken in.
    expect(cardOffers(next, card).map((o) => o.field)).toEqual(['organization'])
  })

  it('replaces the name with its parts, emptying parts the card does not give', () => {
    const offers = cardOffers(draft, { ...emptyCardFields(), name: '陈子涵' })
    expect(offers).toHaveLength(1)
    expect(offers[0]!.checked).toBe(false)
    const next = applyOffers(draft, offers, new Set([offers[0]!.key]))
    expect([next.name, next.familyName, next.givenName]).toEqual(['陈子涵', '', ''])
  })
})
