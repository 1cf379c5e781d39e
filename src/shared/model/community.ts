import { z } from 'zod'
import { idSchema, longText, recordBaseShape } from './record'

export const communityPlatformSchema = z.enum(['wechat', 'linkedin', 'club', 'offline', 'other'])
export const communityRoleSchema = z.enum(['owner', 'member'])

export const communitySchema = z.object({
  ...recordBaseShape,
  name: z.string().trim().min(1).max(200),
  platform: communityPlatformSchema.default('offline'),
  /** Narrower themes keep members; say who the members are. */
  theme: longText.default(''),
  role: communityRoleSchema.default('member'),
  rules: longText.default(''),
  joiningCriteria: longText.default(''),
  memberIds: z.array(idSchema).default([]),
  notes: longText.default(''),
})
export type Community = z.infer<typeof communitySchema>
export type CommunityPlatform = z.infer<typeof communityPlatformSchema>
