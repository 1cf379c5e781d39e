import type { ParsedInputOf } from '../../../../shared/contract'
import { RapportError } from '../../../../shared/errors'
import type { ContactTargetState } from '../../../../shared/events/eventViews'
import type { RapportEvent } from '../../../../shared/model'
import { checkContacts, eventOr404, putEvent, type EventDeps } from './eventRecords'

/** The ranked list of people to meet at an event; what is not given is kept from before. */
export function setTargets(
  { store, clock }: EventDeps,
  { eventId, targets }: ParsedInputOf<'events.setTargets'>,
): Promise<RapportEvent> {
  return store.update((tx) => {
    const event = eventOr404(tx, eventId)
    const seen = new Set<string>()
    for (const t of targets) {
      if (seen.has(t.contactId)) {
        throw new RapportError('VALIDATION', `Contact ${t.contactId} is on the list twice`, {
          issues: [{ path: 'targets', message: 'each contact at most once' }],
        })
      }
      seen.add(t.contactId)
    }
    checkContacts(tx, [...seen], 'targets')
    const previous = new Map(event.targets.map((t) => [t.contactId, t]))
    return putEvent(tx, clock, event, {
      targets: targets.map((t, index) => {
        const before = previous.get(t.contactId)
        const stage = t.stage ?? before?.stage ?? 'researching'
        const reason = t.pausedReason ?? before?.pausedReason
        return {
          contactId: t.contactId,
          rank: index + 1,
          talkingPoints: t.talkingPoints ?? before?.talkingPoints ?? '',
          mustMeet: t.mustMeet ?? before?.mustMeet ?? false,
          stage,
          // A reason only means something while paused.
          ...(stage === 'paused' && reason ? { pausedReason: reason } : {}),
        }
      }),
    })
  })
}

/** Where one contact stands as a target across events, latest event first. */
export function targetsOf(
  { store }: Pick<EventDeps, 'store'>,
  { contactId }: ParsedInputOf<'events.targetsOf'>,
): ContactTargetState[] {
  return store
    .read()
    .events.flatMap((event) =>
      event.targets
        .filter((t) => t.contactId === contactId)
        .map((t) => ({
          eventId: event.id,
          eventName: event.name,
          startsAt: event.startsAt,
          rank: t.rank,
          stage: t.stage,
          mustMeet: t.mustMeet,
          ...(t.stage === 'paused' && t.pausedReason ? { pausedReason: t.pausedReason } : {}),
        })),
    )
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
}
