import type { CountryCode } from 'libphonenumber-js'
import type { ParsedInputOf } from '../../../shared/contract'
import { linksOfCard, type CardFields } from '../../../shared/cards/cardFields'
import type { CardDuplicate, CardScan, SavedCard } from '../../../shared/cards/cardOperations'
import { RapportError } from '../../../shared/errors'
import { contactSchema, type Contact } from '../../../shared/model'
import { nextTimestamp, type Clock } from '../clock'
import { buildMatchIndex, findMatches, type ContactFields } from '../contacts/duplicates'
import { defaultChoice, mergeFields } from '../contacts/merge'
import { toE164 } from '../contacts/identity/phone'
import { sniffImage, type PhotoStore } from '../contacts/photos/photoStore'
import { capture } from '../events/operations/capture'
import type { JournaledStore } from '../store/journaledStore'
import { parseCardReadings } from './cardParser'
import { createCardReader, type CardReader } from './cardReader'
import { createRecord, type NewRecordFields } from '../store/createRecord'

const MAX_IMAGE_BYTES = 10 * 1024 * 1024

/** The image's bytes, or a clear error: too large, or not a JPEG, PNG or WebP by its content. */
export function decodeCardImage(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new RapportError('VALIDATION', 'The card image is larger than 10 MB', {
      issues: [{ path: 'image', message: 'at most 10 MB' }],
    })
  }
  if (!sniffImage(bytes)) {
    throw new RapportError('VALIDATION', 'The card image is not a JPEG, PNG or WebP image', {
      issues: [{ path: 'image', message: 'not a JPEG, PNG or WebP image' }],
    })
  }
  return bytes
}

/** The card's fields as the contact fields import and merge work with. */
export function contactFieldsOfCard(
  fields: CardFields,
  region?: CountryCode,
): Partial<ContactFields> {
  const links = linksOfCard(fields)
  return {
    name: fields.name,
    ...(fields.familyName ? { familyName: fields.familyName } : {}),
    ...(fields.givenName ? { givenName: fields.givenName } : {}),
    organization: fields.organization,
    role: fields.title,
    phones: fields.phones.map((value) => ({ label: '', value: toE164(value, region) ?? value })),
    emails: fields.emails.map((value) => ({ label: 'work', value })),
    links,
    // The contact has no address field; the card's address is kept where the user will see it.
    ...(fields.address ? { notes: fields.address } : {}),
  }
}

/** Existing contacts the card may be, by the import's rules (email, phone, LinkedIn, name). */
export function cardDuplicates(
  fields: CardFields,
  contacts: readonly Contact[],
  region?: CountryCode,
): CardDuplicate[] {
  if (!fields.name && fields.emails.length + fields.phones.length === 0) return []
  const index = buildMatchIndex(contacts, region)
  const found = findMatches(contactFieldsOfCard(fields, region), contacts, index, {
    sameNameAlone: true,
  })
  return found.matches.slice(0, 5).map((m) => ({
    id: m.contact.id,
    name: m.contact.name,
    organization: m.contact.organization,
    reasons: m.reasons,
    exact: m.exact,
  }))
}

/**
 * Business cards: scanning reads a photo on this computer (one tesseract.js worker, started on
 * first use and kept), saving creates or merges the contact and records the card received.
 */
export function createCardService(
  store: JournaledStore,
  photos: PhotoStore,
  clock: Clock,
  phoneRegion: () => CountryCode | undefined,
) {
  let reader: Promise<CardReader> | null = null
  const readerOnce = () => {
    reader ??= createCardReader().catch((error: unknown) => {
      reader = null
      throw error
    })
    return reader
  }

  return {
    async scan({ image }: ParsedInputOf<'cards.scan'>): Promise<CardScan> {
      const bytes = decodeCardImage(image)
      const started = performance.now()
      const readings = await (await readerOnce()).read(bytes)
      const region = phoneRegion()
      const fields = parseCardReadings(readings, region ? { region } : {})
      return {
        fields,
        text: readings.chineseFirst,
        duplicates: cardDuplicates(fields, store.read().contacts, region),
        ms: Math.round(performance.now() - started),
      }
    },

    async save(input: ParsedInputOf<'cards.save'>): Promise<SavedCard> {
      const region = phoneRegion()
      // Checked before anything is written, so a wrong id leaves no half-saved card.
      if (input.eventId && !store.find('events', input.eventId)) {
        throw new RapportError('NOT_FOUND', 'event not found', { kind: 'event', id: input.eventId })
      }
      if (input.mergeIntoId && !store.find('contacts', input.mergeIntoId)) {
        throw new RapportError('NOT_FOUND', 'contact not found', {
          kind: 'contact',
          id: input.mergeIntoId,
        })
      }
      // Content-addressed: a photo saved for a save that then fails is harmless.
      const photo = input.image ? (await photos.save(decodeCardImage(input.image))).ref : undefined
      const fields = contactFieldsOfCard(input.fields, region)
      const contact = await store.update((tx) => {
        const now = nextTimestamp(clock)
        const target = input.mergeIntoId ? tx.find('contacts', input.mergeIntoId) : undefined
        if (input.mergeIntoId && !target) {
          throw new RapportError('NOT_FOUND', 'contact not found', {
            kind: 'contact',
            id: input.mergeIntoId,
          })
        }
        if (target) {
          const incoming = contactSchema.parse({
            ...fields,
            ...(photo ? { photo } : {}),
            notes: [target.notes, fields.notes].filter(Boolean).join('\n'),
            id: target.id,
            createdAt: target.createdAt,
            updatedAt: target.updatedAt,
          })
          const merged = contactSchema.parse({
            ...mergeFields(target, incoming, defaultChoice(target, incoming)),
            updatedAt: nextTimestamp(clock, target.updatedAt),
          })
          tx.put('contacts', merged)
          return merged
        }
        // A card read without a name is refused here by the contact schema.
        const created = { ...fields, ...(photo ? { photo } : {}) } as NewRecordFields<'contacts'>
        return createRecord(tx, clock, 'contacts', created, now)
      })
      // The encounter that records the card, as quick capture records it (with the event's
      // follow-up within 24 hours and the target's stage).
      const captured = await capture(
        { store, clock },
        {
          contactId: contact.id,
          cardReceived: true,
          ...(input.eventId ? { eventId: input.eventId } : {}),
        },
      )
      return {
        contact: captured.contact,
        encounter: captured.encounter,
        followUps: captured.followUps,
        merged: Boolean(input.mergeIntoId),
      }
    },

    async close(): Promise<void> {
      const pending = reader
      reader = null
      if (pending) await (await pending.catch(() => null))?.close()
    },
  }
}
export type CardService = ReturnType<typeof createCardService>
