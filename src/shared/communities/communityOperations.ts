import { z } from 'zod'
import {
  activityKindSchema,
  communityMemberSchema,
  communityPlatformSchema,
  communityRoleSchema,
  gatheringAttendeeSchema,
  idSchema,
  isoDateTimeSchema,
  seatingConstraintSchema,
  tableSchema,
  type Community,
  type Ecosystem,
  type Gathering,
} from '../model'
import { noInput, op } from '../operation'
import { versionedEditShape } from '../store/versionedEdit'
import {
  deletedCommunitySchema,
  deletedGatheringSchema,
  type DeletedCommunity,
  type DeletedGathering,
} from '../undo/removals'

const name = z.string().trim().min(1).max(200)
const shortText = z.string().trim().max(200)
const longText = z.string().max(20_000)
/** Money in minor units (cents, fen). */
const cents = z.number().int().min(0).max(1_000_000_000)
/** An IANA zone such as Asia/Shanghai; checked against the runtime's list by the core. */
const timeZone = z.string().trim().min(1).max(64)
const seatRefSchema = z
  .object({ table: z.number().int().min(1).max(20), seat: z.number().int().min(1).max(40) })
  .strict()
const pairSchema = z.tuple([idSchema, idSchema])

export const communityFieldsSchema = z
  .object({
    name,
    platform: communityPlatformSchema.optional(),
    theme: longText.optional(),
    role: communityRoleSchema.optional(),
    rules: longText.optional(),
    joiningCriteria: longText.optional(),
    members: z.array(communityMemberSchema.strict()).max(5000).optional(),
    notes: longText.optional(),
  })
  .strict()

export const billInputSchema = z
  .object({
    mode: z.enum(['own', 'equal', 'itemised']),
    totalCents: cents.optional(),
    payerId: idSchema.optional(),
    items: z
      .array(
        z
          .object({
            id: idSchema.optional(),
            label: shortText,
            amountCents: cents,
            owedBy: z.array(idSchema).min(1).max(200),
          })
          .strict(),
      )
      .max(200)
      .optional(),
    settledIds: z.array(idSchema).max(200).optional(),
  })
  .strict()

const gatheringFields = {
  communityId: idSchema.nullable().optional(),
  title: name,
  startsAt: isoDateTimeSchema,
  timeZone,
  venue: shortText.optional(),
  /** 15 minutes to a day; three hours when not given. */
  durationMinutes: z.number().int().min(15).max(1440).optional(),
  budgetPerPerson: z.number().min(0).max(10_000_000).nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'three capital letters, e.g. CNY')
    .nullable()
    .optional(),
  bill: billInputSchema.optional(),
  attendees: z.array(gatheringAttendeeSchema.strict()).max(200).optional(),
  tables: z.array(tableSchema).min(1).max(20).optional(),
  constraints: z.array(seatingConstraintSchema.strict()).max(200).optional(),
  notes: longText.optional(),
}

export const gatheringInputSchema = z
  .object({
    ...gatheringFields,
    /** Invite every member of the community (RSVP "invited") besides any attendees given. */
    inviteMembers: z.boolean().optional(),
  })
  .strict()
export const gatheringPatchSchema = z
  .object({
    ...gatheringFields,
    title: name.optional(),
    startsAt: isoDateTimeSchema.optional(),
    timeZone: timeZone.optional(),
  })
  .strict()

export type HealthStatus = 'good' | 'fair' | 'poor'
/**
 * The three things a good group does, each judged from what was logged, with figures the UI
 * words into a suggestion: a theme that tells members who they are, members asking and
 * answering each other, and activities that give belonging.
 */
export interface CommunityHealthView {
  theme: { status: HealthStatus; themeLength: number; hasJoiningCriteria: boolean }
  mutualHelp: {
    status: HealthStatus
    /** In the last 90 days. */
    questions: number
    answers: number
    /** Members who asked or answered in the last 90 days, 0..1 (null without members). */
    helpingShare: number | null
  }
  belonging: {
    status: HealthStatus
    /** Since the last activity of any kind, or null if nothing was ever logged. */
    daysSinceLastActivity: number | null
    /** Members who took part in anything in the last 90 days, 0..1 (null without members). */
    activeShare: number | null
  }
}

export interface CommunitySummary {
  community: Community
  health: CommunityHealthView
  overall: HealthStatus
  gatherings: number
}

export interface CommunityView extends CommunitySummary {
  gatheringList: Gathering[]
  /** Names of the members and activity participants. */
  names: Record<string, string>
}

export interface SeatingPairView {
  /** Person ids ('me' for the host) and their seats. */
  a: string
  b: string
  kind: 'side' | 'across'
  value: number
  known: 'relationship' | 'mutual' | 'gathering' | 'host' | null
  interests: string[]
  tags: string[]
  ecosystem: Ecosystem | null
  communities: string[]
}

export type SizeNoteView =
  /** People at the table, the host included. */
  | { kind: 'tooMany'; people: number }
  | { kind: 'singleRoundTable' }
  | { kind: 'notEnoughSeats'; people: number; seats: number }

export interface GatheringView {
  gathering: Gathering
  communityName: string | null
  /** Names of everyone the gathering refers to; 'me' is worded by the UI. */
  names: Record<string, string>
  sizeNotes: SizeNoteView[]
  seating: {
    score: number
    /** Broken "together" or "apart" wishes. */
    brokenConstraints: number
    pairs: SeatingPairView[]
    /** Guests (not declined) without a seat. */
    unseated: string[]
  }
  bill: {
    mode: 'own' | 'equal' | 'itemised'
    totalCents: number
    shares: { personId: string; shareCents: number; owesCents: number; settled: boolean }[]
    unaccountedCents: number
  }
  /** Share of guests who said yes and made at least one new connection, or null. */
  connectionShare: number | null
}

const byId = z.object({ id: idSchema }).strict()

/** Communities and their gatherings. */
export const communityOperations = {
  'communities.list': op<Community[]>()(noInput),
  /** Only ids and names: what a filter menu needs, without member lists and activity logs. */
  'communities.names': op<{ id: string; name: string }[]>()(noInput),
  /** Every community with its health check, the ones I run first. */
  'communities.summaries': op<CommunitySummary[]>()(
    z.object({ now: isoDateTimeSchema.optional() }).strict(),
  ),
  'communities.view': op<CommunityView>()(
    z.object({ id: idSchema, now: isoDateTimeSchema.optional() }).strict(),
  ),
  'communities.create': op<Community>()(communityFieldsSchema),
  'communities.update': op<Community>()(
    z
      .object({
        id: idSchema,
        patch: communityFieldsSchema.partial().strict(),
        ...versionedEditShape,
      })
      .strict(),
  ),
  'communities.logActivity': op<Community>()(
    z
      .object({
        communityId: idSchema,
        at: isoDateTimeSchema.optional(),
        kind: activityKindSchema,
        title: shortText,
        participantIds: z.array(idSchema).max(500).optional(),
        note: longText.optional(),
      })
      .strict(),
  ),
  'communities.removeActivity': op<Community>()(
    z.object({ communityId: idSchema, activityId: idSchema }).strict(),
  ),
  'gatherings.list': op<Gathering[]>()(noInput),
  'gatherings.view': op<GatheringView>()(byId),
  'gatherings.create': op<Gathering>()(gatheringInputSchema),
  'gatherings.update': op<GatheringView>()(
    z.object({ id: idSchema, patch: gatheringPatchSchema, ...versionedEditShape }).strict(),
  ),
  /**
   * Above 15 guests: the later half of the guest list moves to a copy of the gathering on
   * another date, with their together/apart wishes; both keep only their own seats.
   */
  'gatherings.splitIntoTwoDates': op<{ kept: Gathering; created: Gathering }>()(
    z.object({ id: idSchema, startsAt: isoDateTimeSchema }).strict(),
  ),
  /** Runs the seating planner and saves its plan (replacing the current seating). */
  'gatherings.planSeating': op<GatheringView>()(
    z
      .object({
        id: idSchema,
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31)
          .optional(),
      })
      .strict(),
  ),
  /** Swaps whoever sits at two seats (either may be empty): a drag, or two clicks. */
  'gatherings.swapSeats': op<GatheringView>()(
    z.object({ id: idSchema, from: seatRefSchema, to: seatRefSchema }).strict(),
  ),
  /**
   * What came of it. Pairs new to this gathering become "knows" relationships, new second
   * meetings become follow-ups; removing a pair later keeps what it created.
   */
  'gatherings.recordOutcomes': op<GatheringView>()(
    z
      .object({
        id: idSchema,
        connectedPairs: z.array(pairSchema).max(500),
        secondMeetings: z.array(pairSchema).max(500),
        notes: longText,
      })
      .strict(),
  ),
  /** Deletes a community; its gatherings stay, on their own. Answers what undo needs. */
  'communities.delete': op<DeletedCommunity>()(z.object({ id: idSchema }).strict()),
  'communities.restore': op<Community>()(deletedCommunitySchema),
  'gatherings.delete': op<DeletedGathering>()(z.object({ id: idSchema }).strict()),
  'gatherings.restore': op<Gathering>()(deletedGatheringSchema),
} as const
