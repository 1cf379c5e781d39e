import { z } from 'zod'
import { idSchema, type Contact, type Encounter, type FollowUp } from '../model'
import { op } from '../operation'
import { cardFieldsSchema, type CardFields } from './cardFields'

/** Base64 of a JPEG, PNG or WebP photo of a card; checked by content, at most 10 MB. */
export const cardImageSchema = z
  .string()
  .min(1)
  .max(14_000_000)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64 of an image')

/** An existing contact the card may be. */
export interface CardDuplicate {
  id: string
  name: string
  organization: string
  reasons: ('email' | 'phone' | 'linkedin' | 'name+organization' | 'name')[]
  /** The same person with nothing new on the card. */
  exact: boolean
}

export interface CardScan {
  fields: CardFields
  /** What OCR read, line by line, for the preview. */
  text: string
  duplicates: CardDuplicate[]
  ms: number
}

export interface SavedCard {
  contact: Contact
  encounter: Encounter
  followUps: FollowUp[]
  merged: boolean
}

export const cardOperations = {
  /** Reads a photo of a business card on this computer (OCR) and finds who it may already be. */
  'cards.scan': op<CardScan>()(z.object({ image: cardImageSchema }).strict()),
  /**
   * Creates the contact (or merges it into `mergeIntoId`), keeps the image as its photo when it
   * has none, and records the card received on an encounter; with `eventId`, at that event, with
   * the 24-hour follow-up quick capture makes.
   */
  'cards.save': op<SavedCard>()(
    z
      .object({
        fields: cardFieldsSchema.extend({ name: z.string().trim().min(1).max(200) }),
        image: cardImageSchema.optional(),
        mergeIntoId: idSchema.optional(),
        eventId: idSchema.optional(),
      })
      .strict(),
  ),
} as const
