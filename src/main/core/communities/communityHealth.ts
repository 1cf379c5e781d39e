import type {
  CommunityHealthView,
  HealthStatus,
} from '../../../shared/communities/communityOperations'
import type { Community, Gathering } from '../../../shared/model'

/** The health check's shape is the contract's, so the page reads exactly what is computed. */
export type CommunityHealth = CommunityHealthView

const DAY = 86_400_000
export const ACTIVE_WINDOW_DAYS = 90

/** A theme this short rarely says who the members are ("AI", "Founders"). */
const CLEAR_THEME_LENGTH = 40
const SOME_THEME_LENGTH = 12

/**
 * How much a theme says, in Latin-letter equivalents: a Chinese character carries about as much
 * as three letters, so "在上海做 AI 的产品经理" is not judged as short as "AI PMs".
 */
export function themeWeight(theme: string): number {
  let weight = 0
  for (const ch of theme.trim()) weight += /[\u3400-\u9fff\uf900-\ufaff]/.test(ch) ? 3 : 1
  return weight
}

function rank(status: HealthStatus): number {
  return status === 'poor' ? 0 : status === 'fair' ? 1 : 2
}

/** The worst of the three, for sorting and a one-word summary. */
export function overallStatus(health: CommunityHealth): HealthStatus {
  const all = [health.theme.status, health.mutualHelp.status, health.belonging.status]
  return all.reduce((worst, s) => (rank(s) < rank(worst) ? s : worst), 'good' as HealthStatus)
}

/**
 * Gatherings of the community count as activities even if no one logged them separately,
 * and their guests (who said yes) as active members.
 */
export function communityHealth(
  community: Community,
  gatherings: Gathering[],
  now: Date,
): CommunityHealth {
  const since = now.getTime() - ACTIVE_WINDOW_DAYS * DAY
  const memberIds = new Set(community.members.map((m) => m.contactId))
  const events = [
    ...community.activities.map((a) => ({
      at: Date.parse(a.at),
      kind: a.kind,
      people: a.participantIds,
    })),
    ...gatherings
      .filter((g) => g.communityId === community.id && Date.parse(g.startsAt) <= now.getTime())
      .map((g) => ({
        at: Date.parse(g.startsAt),
        kind: 'gathering' as const,
        people: g.attendees.filter((a) => a.rsvp === 'yes').map((a) => a.contactId),
      })),
  ].filter((e) => e.at <= now.getTime())
  const recent = events.filter((e) => e.at >= since)

  const themeLength = [...community.theme.trim()].length
  const weight = themeWeight(community.theme)
  const hasJoiningCriteria = community.joiningCriteria.trim().length > 0
  const themeStatus: HealthStatus =
    weight >= CLEAR_THEME_LENGTH
      ? 'good'
      : weight >= SOME_THEME_LENGTH || (weight > 0 && hasJoiningCriteria)
        ? 'fair'
        : 'poor'

  const share = (ids: Set<string>) =>
    memberIds.size === 0 ? null : [...ids].filter((id) => memberIds.has(id)).length / memberIds.size
  const questions = recent.filter((e) => e.kind === 'question').length
  const answers = recent.filter((e) => e.kind === 'answer').length
  const helpers = new Set(
    recent.filter((e) => e.kind === 'question' || e.kind === 'answer').flatMap((e) => e.people),
  )
  const helpingShare = share(helpers)
  const helpStatus: HealthStatus =
    questions > 0 && answers >= questions && (helpingShare ?? 0) >= 0.2
      ? 'good'
      : questions + answers > 0
        ? 'fair'
        : 'poor'

  const last = events.reduce((latest, e) => Math.max(latest, e.at), -Infinity)
  const daysSinceLastActivity = last === -Infinity ? null : Math.floor((now.getTime() - last) / DAY)
  const activeShare = share(new Set(recent.flatMap((e) => e.people)))
  const belongingStatus: HealthStatus =
    daysSinceLastActivity !== null && daysSinceLastActivity <= 30 && (activeShare ?? 0) >= 0.5
      ? 'good'
      : daysSinceLastActivity !== null && daysSinceLastActivity <= ACTIVE_WINDOW_DAYS
        ? 'fair'
        : 'poor'

  return {
    theme: { status: themeStatus, themeLength, hasJoiningCriteria },
    mutualHelp: { status: helpStatus, questions, answers, helpingShare },
    belonging: { status: belongingStatus, daysSinceLastActivity, activeShare },
  }
}
