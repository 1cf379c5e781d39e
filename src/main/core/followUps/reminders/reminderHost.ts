import type { ReminderNotification } from '../../../../shared/contract'
import { followUpTitle } from '../../../../shared/followUps/followUpWords'
import type { Language } from '../../../../shared/model'
import type { Clock } from '../../clock'
import { applyFollowUpRules } from '../followUpRules'
import type { JournaledStore } from '../../store/journaledStore'
import { ReminderScheduler } from './scheduler'

/** Where reminders go: Electron's Notification and tray, or the browser page (see `reminders.take`). */
export interface ReminderSink {
  notify(notification: ReminderNotification): void
  onCount?(dueCount: number): void
}

const RULES_EVERY_MS = 60 * 60 * 1000

export interface ReminderHost {
  /** Browser mode: notifications waiting for the page to show them. */
  take(): ReminderNotification[]
  pauseFor(ms: number): void
  /** After sleep or a clock change: look at what came due now rather than at the next timer. */
  wake(): void
  /** The next open follow-ups, soonest first (for the tray menu). */
  nextDue(count: number): { id: string; title: string; contactName: string; dueAt: string }[]
  stop(): void
}

/**
 * Runs the reminder scheduler over the store: feeds it the open follow-ups, re-arms it after
 * every change, and applies the keep-in-touch and important-date rules at start and hourly.
 */
export function startReminderHost(
  store: JournaledStore,
  clock: Clock,
  sink?: ReminderSink,
  systemLanguage: Language = 'en',
): ReminderHost {
  // Notifications and the tray word generated titles in the language chosen in Settings.
  const language = (): Language => {
    const preference = store.read().settings.language
    return preference === 'system' ? systemLanguage : preference
  }
  const waiting: ReminderNotification[] = []
  // Names are looked up when a reminder is shown, not for every open follow-up at each load;
  // titles are worded in the language chosen in Settings.
  const dueItems = () => {
    const words = language()
    return store
      .read()
      .followUps.filter((f) => f.status === 'open' || f.status === 'snoozed')
      .map((f) => ({
        id: f.id,
        dueAt: f.snoozedUntil && f.snoozedUntil > f.dueAt ? f.snoozedUntil : f.dueAt,
        title: followUpTitle(f, words),
        contactName: '',
      }))
  }
  const contactNameOf = (followUpId: string) => {
    const contactId = store.find('followUps', followUpId)?.contactId
    return contactId ? (store.find('contacts', contactId)?.name ?? '') : ''
  }
  const scheduler = new ReminderScheduler({
    now: () => clock.now(),
    setTimer: (fn, ms) => {
      const timer = setTimeout(fn, ms)
      timer.unref?.()
      return timer
    },
    clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
    dueItems,
    notify: (shown) => {
      const notification: ReminderNotification =
        shown.kind === 'single' ? { ...shown, body: contactNameOf(shown.id) } : shown
      if (sink) sink.notify(notification)
      else waiting.push(notification)
    },
    quietHours: () => {
      const { quietFrom, quietTo, enabled } = store.read().settings.reminders
      return { from: quietFrom, to: quietTo, enabled }
    },
    onCountChange: (count) => sink?.onCount?.(count),
  })

  const applyRules = () =>
    store
      .update((tx) => applyFollowUpRules(tx, clock.now(), clock))
      .catch((error: unknown) => console.error('Rapport: follow-up rules failed', error))
  void applyRules()
  const rulesTimer = setInterval(() => void applyRules(), RULES_EVERY_MS)
  rulesTimer.unref?.()
  const unsubscribe = store.onChange((change) => {
    // Re-reading every open follow-up is for changes to follow-ups: a contact edit, the
    // commonest write, does not pay for it (it made each edit slower as the store grew).
    if (change.touched && !change.touched.has('followUps') && !change.touched.has('settings'))
      return
    scheduler.refresh()
  })
  scheduler.start()

  return {
    take: () => waiting.splice(0),
    pauseFor: (ms) => scheduler.pauseFor(ms),
    wake: () => scheduler.tick(),
    nextDue: (count) => {
      const names = new Map(store.read().contacts.map((c) => [c.id, c.name]))
      const contactOf = new Map(store.read().followUps.map((f) => [f.id, f.contactId]))
      return dueItems()
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
        .slice(0, count)
        .map((item) => ({ ...item, contactName: names.get(contactOf.get(item.id) ?? '') ?? '' }))
    },
    stop() {
      clearInterval(rulesTimer)
      unsubscribe()
      scheduler.stop()
    },
  }
}
