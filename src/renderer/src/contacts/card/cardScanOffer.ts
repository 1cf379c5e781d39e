import { linksOfCard, type CardFields } from '../../../../shared/cards/cardFields'
import type { CardDraft } from './cardDraft'

/** One thing a scanned card says that the contact's card does not, offered to take in. */
export interface CardOffer {
  key: string
  field: 'name' | 'title' | 'organization' | 'phone' | 'email' | 'link' | 'address'
  value: string
  /** The value it would replace (name, title, organisation); absent when it adds. */
  replaces?: string
  /** Ticked at first: additions and empty fields are; replacing what the user wrote is not. */
  checked: boolean
  apply: (draft: CardDraft) => CardDraft
}

const same = (a: string, b: string) =>
  a.normalize('NFKC').replace(/\s+/g, '').toLowerCase() ===
  b.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
// "+86 139 0000 0101" and "13900000101" are one number: compare the last digits.
const digits = (phone: string) => phone.replace(/\D/g, '').slice(-9)

/** Parts read with the name go with it; parts of the old name would contradict it. */
function withName(draft: CardDraft, name: string, fields: CardFields): CardDraft {
  const next = { ...draft, name }
  for (const part of ['familyName', 'givenName'] as const) {
    const read = fields[part]
    if (read) next[part] = read
    // Emptied rather than left out, so the save clears the old part.
    else if (draft[part] !== undefined) next[part] = ''
  }
  return next
}

/**
 * What a card read by `cards.scan` adds to a contact being edited: new phones, emails and links
 * are added, name, title and organisation replace (ticked only where the card is empty), and the
 * address joins the notes (the card has no address field). Nothing the contact has is offered.
 */
export function cardOffers(draft: CardDraft, fields: CardFields): CardOffer[] {
  const offers: CardOffer[] = []
  const replace = (
    field: 'name' | 'title' | 'organization',
    key: 'name' | 'role' | 'organization',
  ) => {
    const value = fields[field].trim()
    const current = draft[key]
    if (!value || same(value, current)) return
    offers.push({
      key: field,
      field,
      value,
      ...(current.trim() ? { replaces: current } : {}),
      checked: !current.trim(),
      apply: (d) => (key === 'name' ? withName(d, value, fields) : { ...d, [key]: value }),
    })
  }
  replace('name', 'name')
  replace('title', 'role')
  replace('organization', 'organization')
  fields.phones.forEach((phone, i) => {
    if (draft.phones.some((p) => digits(p.value) === digits(phone))) return
    offers.push({
      key: `phone-${i}`,
      field: 'phone',
      value: phone,
      checked: true,
      apply: (d) => ({ ...d, phones: [...d.phones, { label: '', value: phone }] }),
    })
  })
  fields.emails.forEach((email, i) => {
    if (draft.emails.some((e) => same(e.value, email))) return
    offers.push({
      key: `email-${i}`,
      field: 'email',
      value: email,
      checked: true,
      apply: (d) => ({ ...d, emails: [...d.emails, { label: 'work', value: email }] }),
    })
  })
  for (const link of linksOfCard(fields)) {
    if (draft.links.some((l) => same(l.value, link.value))) continue
    offers.push({
      key: `${link.kind}-${link.value}`,
      field: 'link',
      value: link.value,
      checked: true,
      apply: (d) => ({ ...d, links: [...d.links, link] }),
    })
  }
  const address = fields.address?.trim()
  if (address && !draft.notes.includes(address)) {
    offers.push({
      key: 'address',
      field: 'address',
      value: address,
      checked: true,
      apply: (d) => ({ ...d, notes: [d.notes, address].filter((n) => n.trim()).join('\n') }),
    })
  }
  return offers
}

/** The draft with the chosen offers applied, in order. */
export function applyOffers(draft: CardDraft, offers: CardOffer[], chosen: Set<string>): CardDraft {
  return offers.filter((o) => chosen.has(o.key)).reduce((d, o) => o.apply(d), draft)
}
