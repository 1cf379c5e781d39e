import type { FollowUpView, Overview, ParsedInputOf } from '../../../shared/contract'
import type { FollowUp, StoreData } from '../../../shared/model'
import type { Clock } from '../clock'
import type { DataStore } from '../store/dataStore'

const DAY_MS = 24 * 60 * 60 * 1000

/** End of the local calendar day that contains `now`. */
function endOfDay(now: Date): Date {
  const end = new Date(now)
  end.setHours(23, 59, 59, 999)
  return end
}

/** When an open follow-up is next due: a snooze pushes it later. */
function effectiveDue(followUp: FollowUp): number {
  const due = Date.parse(followUp.dueAt)
  return followUp.snoozedUntil ? Math.max(due, Date.parse(followUp.snoozedUntil)) : due
}

/** Share of done follow-ups of conversations that were done within 24 hours of it. */
export function within24hRate(data: Readonly<StoreData>): number | null {
  const encounterTimes = new Map(data.encounters.map((e) => [e.id, Date.parse(e.at)]))
  let done = 0
  let inTime = 0
  for (const f of data.followUps) {
    const at = f.encounterId ? encounterTimes.get(f.encounterId) : undefined
    if (at === undefined || !f.doneAt) continue
    done += 1
    if (Date.parse(f.doneAt) - at <= DAY_MS) inTime += 1
  }
  return done === 0 ? null : inTime / done
}

export function createOverviewService(store: DataStore, clock: Clock) {
  return {
    get({ now: nowInput }: ParsedInputOf<'overview.get'>): Overview {
      const data = store.read()
      const now = nowInput ? new Date(nowInput) : clock.now()
      const names = new Map(data.contacts.map((c) => [c.id, c.name]))
      const open = data.followUps
        .filter((f) => !f.doneAt)
        .sort((a, b) => effectiveDue(a) - effectiveDue(b))
        .map((f): FollowUpView => ({ ...f, contactName: names.get(f.contactId) ?? '' }))
      const nowMs = now.getTime()
      const todayEnd = endOfDay(now).getTime()
      const nextEvent =
        data.events
          .filter((e) => Date.parse(e.endsAt ?? e.startsAt) >= nowMs)
          .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0] ?? null
      return {
        counts: {
          contacts: data.contacts.filter((c) => !c.archived).length,
          events: data.events.length,
          communities: data.communities.length,
          relationships: data.relationships.length,
          openFollowUps: open.length,
        },
        overdue: open.filter((f) => effectiveDue(f) < nowMs),
        dueToday: open.filter((f) => effectiveDue(f) >= nowMs && effectiveDue(f) <= todayEnd),
        upcoming: open.filter((f) => effectiveDue(f) > todayEnd),
        nextEvent,
        within24hRate: within24hRate(data),
      }
    },
  }
}
