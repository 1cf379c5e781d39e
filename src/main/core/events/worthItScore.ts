import type { ScoreReason, WorthItScore } from '../../../shared/events/eventViews'
import type { RapportEvent } from '../../../shared/model'

const LEVEL_POINTS = { city: 10, national: 20, global: 30 } as const
/** A "why" shorter than this is a placeholder, not a reason. */
const MIN_WHY_LENGTH = 12
const POINTS_PER_KEY_CONTACT = 8
const MAX_KEY_CONTACT_POINTS = 24
const POINTS_PER_TARGET = 2
const MAX_TARGET_POINTS = 20
/** Above this, cost starts to weigh against the event (in the event's own currency). */
const COSTLY = 1000

/**
 * How worth going an event looks, from what the user wrote about it. Deliberately simple and
 * explained line by line: the method values who will be there (key contacts, targets) and a
 * clear reason to go over the event's size, and counts a stretch of the comfort zone as a plus.
 */
export function worthItScore(
  event: Pick<
    RapportEvent,
    'level' | 'whyItMatters' | 'keyContactIds' | 'targets' | 'stretchesComfortZone' | 'access'
  >,
): WorthItScore {
  const reasons: ScoreReason[] = [
    { key: `level.${event.level}`, points: LEVEL_POINTS[event.level] },
  ]
  if (event.whyItMatters.trim().length >= MIN_WHY_LENGTH) reasons.push({ key: 'why', points: 15 })
  else reasons.push({ key: 'noWhy', points: 0 })
  const keyCount = new Set(event.keyContactIds).size
  if (keyCount > 0) {
    reasons.push({
      key: 'keyContacts',
      points: Math.min(MAX_KEY_CONTACT_POINTS, keyCount * POINTS_PER_KEY_CONTACT),
      count: keyCount,
    })
  }
  if (event.targets.length > 0) {
    reasons.push({
      key: 'targets',
      points: Math.min(MAX_TARGET_POINTS, event.targets.length * POINTS_PER_TARGET),
      count: event.targets.length,
    })
  }
  if (event.stretchesComfortZone) reasons.push({ key: 'stretch', points: 10 })
  const access = event.access
  if (access) {
    if (access.status === 'declined') reasons.push({ key: 'declined', points: -40 })
    else if (access.status === 'invited' || access.status === 'ticketBought')
      reasons.push({ key: 'accessSecured', points: 10 })
    else if (access.helperIds.length > 0)
      reasons.push({ key: 'accessHelpers', points: 5, count: access.helperIds.length })
    if (access.cost !== undefined && access.cost > COSTLY) reasons.push({ key: 'cost', points: -5 })
  }
  const total = reasons.reduce((sum, r) => sum + r.points, 0)
  return { score: Math.max(0, Math.min(100, total)), reasons }
}
