import type { Handlers } from '../../../shared/contract'
import type { followUpOperations } from '../../../shared/followUps/followUpOperations'
import type { CoreContext } from '../coreContext'
import type { JournaledStore } from '../store/journaledStore'
import { createFollowUpService } from './followUpService'
import { createOverviewService } from './overviewService'
import type { ReminderHost } from './reminders/reminderHost'

/** Answers the operations of conversations, the follow-up queue, Today and reminders. */
export function createFollowUpHandlers(
  store: JournaledStore,
  context: CoreContext,
  reminders: ReminderHost,
): Pick<Handlers, keyof typeof followUpOperations> {
  const followUps = createFollowUpService(store, context.clock)
  const overview = createOverviewService(store, context.clock)
  return {
    'overview.get': (input) => overview.get(input),
    'encounters.create': (input) => followUps.logEncounter(input),
    'followUps.queue': (input) => followUps.queue(input),
    'followUps.create': (input) => followUps.create(input),
    'followUps.complete': (input) => followUps.complete(input),
    'followUps.snooze': (input) => followUps.snooze(input),
    'followUps.reschedule': (input) => followUps.reschedule(input),
    'followUps.drop': (input) => followUps.drop(input),
    'followUps.reopen': (input) => followUps.reopen(input),
    'reminders.take': () => reminders.take(),
  }
}
