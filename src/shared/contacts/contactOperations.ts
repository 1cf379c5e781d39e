import { z } from 'zod'
import { undoTicketSchema, type UndoTicket } from '../undo/undoTicket'
import type { CardView, ContactListItem } from './cardView'
import {
  contactFieldsShape,
  communityMemberSchema,
  careKindSchema,
  contactSchema,
  ecosystemSchema,
  encounterSchema,
  followUpSchema,
  idSchema,
  isoDateTimeSchema,
  patchSchemaOf,
  relationshipKindSchema,
  relationshipSchema,
  tierSchema,
  type Contact,
  type Help,
  type Relationship,
  type Tier,
} from '../model'
import { versionedEditShape } from '../store/versionedEdit'
import { noInput, op } from '../operation'

export const contactInputSchema = z.object(contactFieldsShape).strict()

export const contactPatchSchema = patchSchemaOf(contactFieldsShape)

/** Everything removed with a contact, so that "undo" can put it all back. */
export const deletedContactSchema = z.object({
  contact: contactSchema,
  encounters: z.array(encounterSchema),
  followUps: z.array(followUpSchema),
  relationships: z.array(relationshipSchema),
  /** The contact's entries in community member lists. */
  memberships: z.array(z.object({ communityId: idSchema, member: communityMemberSchema })),
})

export type DeletedContact = z.infer<typeof deletedContactSchema>

export const contactQuerySchema = z
  .object({
    text: z.string().max(200).optional(),
    tags: z.array(z.string().max(60)).max(20).optional(),
    tiers: z.array(tierSchema).max(4).optional(),
    ecosystems: z.array(ecosystemSchema).max(6).optional(),
    /** Targets of the event, or people met there. */
    eventId: idSchema.optional(),
    communityId: idSchema.optional(),
    /** Only people past their keep-in-touch cadence. */
    overdue: z.boolean().optional(),
    includeArchived: z.boolean().optional(),
    sort: z
      .object({
        by: z.enum(['name', 'organization', 'tier', 'updatedAt', 'createdAt']),
        direction: z.enum(['asc', 'desc']),
      })
      .optional(),
    offset: z.number().int().min(0).optional(),
    /** One window of the list; the interface asks for the next window by offset. */
    limit: z.number().int().min(1).max(5000).optional(),
  })
  .strict()

export type ContactQueryInput = z.input<typeof contactQuerySchema>

/** The same filters without the window: "select all" means every contact that matches. */
export const contactMatchSchema = contactQuerySchema.omit({ offset: true, limit: true })

export interface ContactSearchResult {
  total: number
  items: ContactListItem[]
  facets: { tags: { tag: string; count: number }[]; tiers: Record<Tier, number> }
}

export interface DuplicateGroup {
  reasons: string[]
  contacts: Contact[]
}

export interface ReviewView {
  slipping: { contactId: string; name: string; tier: Tier; dueSince: string; cadenceDays: number }[]
  circle: { tier: Tier; count: number; target: number; status: 'under' | 'ok' | 'over' }[]
  ecosystems: { ecosystem: z.infer<typeof ecosystemSchema>; count: number; thin: boolean }[]
  moveIn: { contactId: string; name: string; tier: Tier }[]
  moveOut: { contactId: string; name: string; tier: Tier }[]
}

/** The operations of contacts, their history (relationships, helps), photos, duplicates and the review. */
export const contactOperations = {
  'contacts.list': op<Contact[]>()(
    z
      .object({
        query: z.string().max(200).optional(),
        includeArchived: z.boolean().optional(),
      })
      .strict(),
  ),
  'contacts.get': op<Contact>()(z.object({ id: idSchema }).strict()),
  'contacts.create': op<Contact>()(contactInputSchema),
  'contacts.update': op<Contact>()(
    z
      .object({
        id: idSchema,
        patch: contactPatchSchema,
        /** When given, a write over a change made elsewhere is refused with CONFLICT. */
        ...versionedEditShape,
      })
      .strict(),
  ),
  /** One change to many contacts (all that "select all" matched), in one transaction. */
  'contacts.bulkUpdate': op<{ updated: number }>()(
    z
      .object({
        ids: z.array(idSchema).min(1).max(100_000),
        archived: z.boolean().optional(),
        addTags: z.array(z.string().trim().min(1).max(60)).min(1).max(20).optional(),
      })
      .strict()
      .refine((input) => input.archived !== undefined || input.addTags !== undefined, {
        message: 'say what to change: archived or addTags',
      }),
  ),
  /** Answers a token for undo (the core keeps what was removed) and the name for the toast. */
  'contacts.delete': op<UndoTicket & { name: string }>()(z.object({ id: idSchema }).strict()),
  'contacts.restore': op<Contact>()(undoTicketSchema),
  'contacts.search': op<ContactSearchResult>()(contactQuerySchema),
  /** The ids of every contact a search matches, in list order: what "select all" selects. */
  'contacts.matchingIds': op<string[]>()(contactMatchSchema),
  'contacts.card': op<CardView>()(z.object({ id: idSchema }).strict()),
  'contacts.duplicates': op<DuplicateGroup[]>()(noInput),
  'contacts.merge': op<Contact>()(
    z
      .object({
        keepId: idSchema,
        removeId: idSchema,
        /** Per field: keep's value, the other's, or both (list fields). */
        choice: z.record(z.string().max(40), z.enum(['a', 'b', 'both'])),
      })
      .strict(),
  ),
  'relationships.create': op<Relationship>()(
    z
      .object({
        fromId: idSchema,
        toId: idSchema,
        kind: relationshipKindSchema,
        note: z.string().max(200).optional(),
      })
      .strict(),
  ),
  'relationships.delete': op<{ ok: true }>()(z.object({ id: idSchema }).strict()),
  'helps.create': op<Help>()(
    z
      .object({
        contactId: idSchema,
        direction: z.enum(['given', 'asked']),
        what: z.string().trim().min(1).max(2000),
        at: isoDateTimeSchema.optional(),
        careKind: careKindSchema.optional(),
      })
      .strict(),
  ),
  'helps.delete': op<{ ok: true }>()(z.object({ id: idSchema }).strict()),
  'photos.save': op<{ ref: string }>()(
    z
      .object({
        /** Base64 of the image file; checked by content, at most 10 MB. */
        data: z.string().min(1).max(14_000_000),
        thumbnail: z.string().max(300_000).optional(),
      })
      .strict(),
  ),
  'photos.get': op<{ dataUrl: string }>()(
    z.object({ ref: z.string().min(1).max(200), variant: z.enum(['full', 'thumb']) }).strict(),
  ),
  'review.get': op<ReviewView>()(noInput),
} as const
