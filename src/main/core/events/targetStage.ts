import type { Encounter, FollowUp, RapportEvent } from '../../../shared/model'
import { AFTER_MEETING_MS } from '../followUps/followUpRules'

/**
 * The targets of an event once a follow-up is done: a target met there whose 24-hour follow-up
 * was done within 24 hours of the conversation moves from "met" to "followed up". Later stages
 * (familiar) and a paused target are left as the user set them. Null when nothing changes.
 */
export function targetsAfterFollowUp(
  event: RapportEvent,
  followUp: FollowUp,
  encounter: Encounter | undefined,
): RapportEvent['targets'] | null {
  if (followUp.reason !== 'afterMeeting' || followUp.eventId !== event.id) return null
  if (followUp.status !== 'done' || !followUp.doneAt || !encounter) return null
  if (Date.parse(followUp.doneAt) - Date.parse(encounter.at) > AFTER_MEETING_MS) return null
  let changed = false
  const targets = event.targets.map((t) => {
    if (t.contactId !== followUp.contactId || t.stage !== 'met') return t
    changed = true
    return { ...t, stage: 'followedUp' as const }
  })
  return changed ? targets : null
}
