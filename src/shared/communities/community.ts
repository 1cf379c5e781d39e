import { z } from 'zod'
import {
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  longText,
  recordBaseShape,
  shortText,
} from '../store/record'

export const communityPlatformSchema = z.enum(['wechat', 'linkedin', 'club', 'offline', 'other'])
/** My role in the community (coOrganiser since v5). */
export const communityRoleSchema = z.enum(['owner', 'coOrganiser', 'member'])
export const memberRoleSchema = z.enum(['owner', 'organiser', 'member'])

/** A contact in the community (since v5; v4 kept only `memberIds`). */
export const communityMemberSchema = z.object({
  contactId: idSchema,
  joinedOn: isoDateSchema.optional(),
  role: memberRoleSchema.default('member'),
})

/**
 * Something that happened in the community, logged by hand (since v5). Questions and answers
 * show members helping each other; gatherings and other activities give belonging.
 */
export const activityKindSchema = z.enum([
  'gathering',
  'discussion',
  'question',
  'answer',
  'share',
  'other',
])
export const communityActivitySchema = z.object({
  id: idSchema,
  at: isoDateTimeSchema,
  kind: activityKindSchema,
  title: shortText.default(''),
  /** Members who took part (asked, answered, came). */
  participantIds: z.array(idSchema).default([]),
  note: longText.default(''),
})

export const communitySchema = z.object({
  ...recordBaseShape,
  name: z.string().trim().min(1).max(200),
  platform: communityPlatformSchema.default('offline'),
  /** Narrower themes keep members; say who the members are. */
  theme: longText.default(''),
  role: communityRoleSchema.default('member'),
  rules: longText.default(''),
  joiningCriteria: longText.default(''),
  members: z.array(communityMemberSchema).default([]),
  activities: z.array(communityActivitySchema).default([]),
  notes: longText.default(''),
})
export type Community = z.infer<typeof communitySchema>
export type CommunityPlatform = z.infer<typeof communityPlatformSchema>
export type CommunityMember = z.infer<typeof communityMemberSchema>
export type CommunityActivity = z.infer<typeof communityActivitySchema>
