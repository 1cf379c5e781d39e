import { describe, expect, it } from 'vitest'
import { communityHealth, overallStatus } from '../../src/main/core/communities/communityHealth'
import { communitySchema, gatheringSchema } from '../../src/shared/model'

const NOW = new Date('2026-06-01T12:00:00.000Z')
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString()
const base = {
  id: 'c1',
  createdAt: daysAgo(500),
  updatedAt: daysAgo(1),
  name: 'Breakfast club',
  members: ['m1', 'm2', 'm3', 'm4'].map((contactId) => ({ contactId })),
}

describe('community health check', () => {
  it('finds nothing to build on in a community with no theme and no log', () => {
    const health = communityHealth(communitySchema.parse(base), [], NOW)
    expect(health.theme.status).toBe('poor')
    expect(health.mutualHelp).toMatchObject({
      status: 'poor',
      questions: 0,
      answers: 0,
      helpingShare: 0,
    })
    expect(health.belonging).toMatchObject({
      status: 'poor',
      daysSinceLastActivity: null,
      activeShare: 0,
    })
    expect(overallStatus(health)).toBe('poor')
  })

  it('rates a clear theme, answered questions and a recent lively gathering as good', () => {
    const community = communitySchema.parse({
      ...base,
      theme: 'Product managers in Shanghai who ship AI features to business customers',
      activities: [
        { id: 'a1', at: daysAgo(20), kind: 'question', participantIds: ['m1'] },
        { id: 'a2', at: daysAgo(19), kind: 'answer', participantIds: ['m2'] },
        { id: 'a3', at: daysAgo(200), kind: 'gathering', participantIds: ['m4'] },
      ],
    })
    const gathering = gatheringSchema.parse({
      id: 'g1',
      createdAt: daysAgo(30),
      updatedAt: daysAgo(30),
      communityId: 'c1',
      title: 'Dinner',
      startsAt: daysAgo(5),
      timeZone: 'Asia/Shanghai',
      attendees: [
        { contactId: 'm3', rsvp: 'yes' },
        { contactId: 'm4', rsvp: 'no' },
      ],
    })
    const health = communityHealth(community, [gathering], NOW)
    expect(health.theme.status).toBe('good')
    expect(health.mutualHelp).toMatchObject({
      status: 'good',
      questions: 1,
      answers: 1,
      helpingShare: 0.5,
    })
    // m1, m2 asked and answered, m3 came to dinner; m4 declined and was last seen 200 days ago.
    expect(health.belonging).toMatchObject({
      status: 'good',
      daysSinceLastActivity: 5,
      activeShare: 0.75,
    })
    expect(overallStatus(health)).toBe('good')
  })

  it('calls a community quiet for two months "fair" and one silent for four months "poor"', () => {
    const at = (days: number) =>
      communityHealth(
        communitySchema.parse({
          ...base,
          activities: [{ id: 'a', at: daysAgo(days), kind: 'share', participantIds: ['m1'] }],
        }),
        [],
        NOW,
      ).belonging
    expect(at(60)).toMatchObject({ status: 'fair', daysSinceLastActivity: 60 })
    expect(at(120)).toMatchObject({ status: 'poor', daysSinceLastActivity: 120, activeShare: 0 })
  })

  it('ignores gatherings still to come and questions no one answered', () => {
    const community = communitySchema.parse({
      ...base,
      theme: 'AI people',
      joiningCriteria: 'Shipped an AI feature',
      activities: [{ id: 'q', at: daysAgo(3), kind: 'question', participantIds: ['m1'] }],
    })
    const upcoming = gatheringSchema.parse({
      id: 'g',
      createdAt: daysAgo(1),
      updatedAt: daysAgo(1),
      communityId: 'c1',
      title: 'Later',
      startsAt: new Date(NOW.getTime() + 86_400_000).toISOString(),
      timeZone: 'UTC',
      attendees: [{ contactId: 'm2', rsvp: 'yes' }],
    })
    const health = communityHealth(community, [upcoming], NOW)
    expect(health.theme.status).toBe('fair')
    expect(health.mutualHelp.status).toBe('fair')
    expect(health.belonging.activeShare).toBe(0.25)
  })

  it('judges a Chinese theme by what it says, not by its character count', () => {
    const theme = (text: string) =>
      communityHealth(communitySchema.parse({ ...base, theme: text }), [], NOW).theme.status
    expect(theme('在上海给企业客户做 AI 功能的产品经理')).toBe('good')
    expect(theme('AI product managers')).toBe('fair')
    expect(theme('AI')).toBe('poor')
    expect(theme('人工智能')).toBe('fair')
  })
})
