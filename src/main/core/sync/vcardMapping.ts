import ICAL from 'ical.js'
import { contactFieldsShape, type Contact, type Language } from '../../../shared/model'
import { syncWords, tierCategories } from '../../../shared/sync/syncWords'
import { contactsToVCard, foldLine, type VCardPhoto } from '../importExport/vcardExport'
import { parseVCards } from '../importExport/vcardImport'
import { z } from 'zod'

/**
 * A contact as the phone's address book sees it, and back. The card is the vCard export's
 * (X-RAPPORT-* included, so nothing Rapport owns is lost), with a NOTE written for the phone and
 * the circle as a category. Only the fields a phone can edit travel back into Rapport.
 */

/** What a phone can edit; the three-way merge compares exactly these. */
export const phoneFields = [
  'name',
  'givenName',
  'familyName',
  'nickname',
  'organization',
  'role',
  'emails',
  'phones',
  'tags',
] as const
export type PhoneField = (typeof phoneFields)[number]
/** Field → JSON of its value: comparable, and what the sync state keeps as the merge base. */
export type PhoneValues = Record<PhoneField, string>

const phoneShape = z.object({
  name: contactFieldsShape.name,
  givenName: contactFieldsShape.givenName,
  familyName: contactFieldsShape.familyName,
  nickname: contactFieldsShape.nickname,
  organization: contactFieldsShape.organization,
  role: contactFieldsShape.role,
  emails: contactFieldsShape.emails,
  phones: contactFieldsShape.phones,
  tags: contactFieldsShape.tags,
})

/** The same normal form for a stored contact and for a card read from the server. */
export function phoneValuesOf(fields: Partial<Record<PhoneField, unknown>>): PhoneValues {
  const parsed = phoneShape.parse(fields)
  const values = {} as PhoneValues
  for (const field of phoneFields) {
    const value = parsed[field]
    values[field] = JSON.stringify(
      Array.isArray(value) ? value : typeof value === 'string' ? value : '',
    )
  }
  return values
}

export interface LastMet {
  at: string
  where: string
}

/** The dossier at the door: what they do, their challenge, what I can offer, the seed, last met. */
export function phoneNote(contact: Contact, language: Language, lastMet: LastMet | null): string {
  const words = syncWords[language]
  const lines: string[] = []
  const add = (label: string, text: string | undefined) => {
    const value = text?.trim()
    if (value) lines.push(`${label}${words.colon}${value}`)
  }
  add(words.note.whatTheyDo, contact.whatTheyDo)
  add(words.note.challenges, contact.challenges)
  add(words.note.canOffer, contact.canOffer)
  add(words.note.seed, contact.seed)
  if (lastMet) {
    const date = lastMet.at.slice(0, 10)
    const sep = language === 'zh-CN' ? '，' : ', '
    add(words.note.lastMet, lastMet.where ? `${lastMet.where}${sep}${date}` : date)
  }
  add(words.note.notes, contact.notes)
  return lines.join('\n')
}

export const PHOTO_LIMIT = 100 * 1024

/** The vCard 4 text sync puts on the server for one contact. */
export function cardForContact(
  contact: Contact,
  options: { language: Language; lastMet: LastMet | null; thumbnail?: VCardPhoto },
): string {
  const tierCategory =
    contact.tier === 'outside' ? [] : [syncWords[options.language].tier[contact.tier]]
  const forPhone: Contact = {
    ...contact,
    notes: phoneNote(contact, options.language, options.lastMet),
    tags: [...contact.tags, ...tierCategory],
  }
  const photo = options.thumbnail
  const small = photo && photo.bytes.byteLength <= PHOTO_LIMIT ? photo : undefined
  delete forPhone.photo
  const text = contactsToVCard([forPhone])
  if (!small) return text
  // RFC 6350's data: URI does not survive servers that parse cards with vobject (Radicale
  // cuts it at the comma); the vCard 3 form every phone reads does.
  const type = small.mime.replace(/^image\//, '').toUpperCase()
  const base64 = Buffer.from(small.bytes.buffer, small.bytes.byteOffset, small.bytes.byteLength)
  const line = foldLine(`PHOTO;ENCODING=b;TYPE=${type}:${base64.toString('base64')}`)
  return text.replace(/END:VCARD\r\n$/, `${line}\r\nEND:VCARD\r\n`)
}

export interface ReadCard {
  uid: string
  /** REV as an ISO time, when the card has a usable one. */
  rev: string | null
  values: PhoneValues
  /** Fields to create a contact from a card made on the phone. */
  fields: Partial<Record<PhoneField, unknown>>
  note: string
}

/** A card from the server, or the reason it cannot be used (written to the log). */
export function readCard(text: string): ReadCard | { error: string } {
  let uid: string
  let rev: string | null = null
  try {
    const component = new ICAL.Component(ICAL.parse(text) as unknown as unknown[])
    if (component.name !== 'vcard') return { error: 'not a vCard' }
    uid = String(component.getFirstPropertyValue('uid') ?? '').trim()
    const revValue = component.getFirstPropertyValue('rev')
    if (revValue) {
      const parsed = Date.parse(revValue.toString())
      if (Number.isFinite(parsed)) rev = new Date(parsed).toISOString()
    }
  } catch (error) {
    return { error: `unreadable vCard (${(error as Error).message.slice(0, 200)})` }
  }
  if (!uid) return { error: 'the card has no UID' }
  const rows = parseVCards(text)
  const row = rows[0]
  if (!row || rows.length !== 1) return { error: 'expected exactly one card' }
  if (row.errors.length > 0) return { error: row.errors.join('; ').slice(0, 500) }
  const fields = row.fields
  const tags = (fields.tags ?? []).filter((tag) => !tierCategories.has(tag))
  const phone: Partial<Record<PhoneField, unknown>> = {}
  for (const field of phoneFields) {
    if (fields[field] !== undefined) phone[field] = fields[field]
  }
  phone.tags = tags
  const checked = phoneShape.safeParse(phone)
  if (!checked.success) {
    return { error: `a field does not fit: ${checked.error.issues[0]?.path.join('.') ?? ''}` }
  }
  return {
    uid: uid.replace(/^urn:uuid:/i, ''),
    rev,
    values: phoneValuesOf(phone),
    fields: phone,
    note: typeof fields.notes === 'string' ? fields.notes : '',
  }
}
