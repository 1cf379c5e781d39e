/**
 * When to tell the user that follow-ups came due. Plain TypeScript: time, timers, the data and
 * the notification itself come in as functions, so tests drive it with fake time and the
 * Electron tray and Notification code stays a thin adapter.
 *
 * The rules:
 * - Each follow-up is announced once for its effective due time. Snoozing or rescheduling it
 *   (a new due time) makes it announceable again; the clock moving backwards does not.
 * - Whatever comes due in one go (at start, after sleep, after the wall clock jumped forward,
 *   after quiet hours or a pause, or simply several at once) is one summary, never a flood;
 *   a single item is a single notification.
 * - Quiet hours and a pause hold notifications; when they end, what was held is one summary.
 * - `enabled: false` (reminders switched off) announces nothing, and what comes due meanwhile is
 *   not announced later either; the due count still updates.
 * - The timer is re-armed for the next due time, the end of quiet hours or of a pause, but at
 *   most `MAX_TIMER_MS` ahead: timers run on the monotonic clock, so a wall clock change or a
 *   sleep is noticed within that time even when nothing calls `tick()`.
 *
 * Cost: `refresh()` reads and sorts every item (O(n log n)); `tick()` is a binary search plus the
 * items that came due since the last tick, so it stays cheap at 50,000 follow-ups.
 */
import type { ReminderNotification } from '../../../../shared/contract'

export type { ReminderNotification }

/** An open follow-up as the scheduler sees it; `dueAt` is the effective due time (snooze applied). */
export interface ReminderItem {
  id: string
  dueAt: string
  title: string
  contactName: string
}

/** Local 'HH:MM' times; `from` after `to` wraps midnight, equal means no quiet hours. */
export interface QuietHours {
  from: string
  to: string
  /** The reminders switch: false announces nothing at all. */
  enabled: boolean
}

export interface ReminderSchedulerDeps {
  now: () => Date
  setTimer: (fn: () => void, ms: number) => unknown
  clearTimer: (handle: unknown) => void
  dueItems: () => ReminderItem[]
  notify: (n: ReminderNotification) => void
  quietHours: () => QuietHours
  /** How many items are due now (for the tray's badge); called when the number changes. */
  onCountChange?: (dueCount: number) => void
}

/** The longest the timer sleeps, so clock changes are noticed within a minute. */
export const MAX_TIMER_MS = 60_000

interface Entry {
  id: string
  due: number
  title: string
  contactName: string
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/

function minutesOf(text: string): number | null {
  const match = HHMM.exec(text)
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

export class ReminderScheduler {
  private readonly deps: ReminderSchedulerDeps
  /** Every item by due time (ties in data order); `dues` mirrors it for the binary search. */
  private items: Entry[] = []
  private dues = new Float64Array(0)
  private loaded = false
  /** Id → the due time it was announced (or passed over while switched off) for. */
  private readonly notified = new Map<string, number>()
  /** Everything due at or before `scannedTo` has been handled, except `backlog`. */
  private scannedTo = -Infinity
  /** Index of the first item due after `scannedTo`. */
  private cursor = 0
  /** Items that a refresh put at or before `scannedTo` unannounced (new, or moved earlier). */
  private backlog: Entry[] = []
  private pausedUntil = -Infinity
  private pauseMs = 0
  private timer: unknown = undefined
  private running = false
  private reportedCount = -1

  constructor(deps: ReminderSchedulerDeps) {
    this.deps = deps
  }

  /** Reads the data and ticks: what came due while the app was closed becomes one summary. */
  start(): void {
    this.running = true
    this.refresh()
  }

  stop(): void {
    this.running = false
    this.disarm()
  }

  /** The data changed: re-read the items, then tick (a new item may already be due). */
  refresh(): void {
    this.load()
    if (this.running) this.tick()
  }

  /** Holds notifications for `ms` from now (0 resumes); what came due meanwhile is one summary. */
  pauseFor(ms: number): void {
    this.pauseMs = Math.max(0, ms)
    this.pausedUntil = this.deps.now().getTime() + this.pauseMs
    if (this.running) this.tick()
  }

  /** Announces what came due since the last tick and re-arms the timer. */
  tick(): void {
    if (!this.loaded) this.load()
    const now = this.deps.now().getTime()
    if (Number.isNaN(now)) return
    const dueCount = this.upperBound(now)

    if (now < this.scannedTo) {
      // The clock went back: rescan from here; `notified` keeps what was announced from repeating.
      this.scannedTo = now
      this.cursor = dueCount
      this.backlog = this.backlog.filter((e) => e.due <= now)
    }
    // A pause is "for an hour", not "until 15:00": keep it so when the clock goes back.
    if (this.pausedUntil - now > this.pauseMs) this.pausedUntil = now + this.pauseMs

    const quiet = this.deps.quietHours()
    const holdEnd = quiet.enabled ? this.holdEnd(now, quiet) : null
    let fresh: Entry[] = []
    // Switched off: pass over what came due, so switching on again does not announce the past.
    if (!quiet.enabled) this.collect(now, dueCount)
    else if (holdEnd === null) fresh = this.collect(now, dueCount)

    // Re-arm before telling anyone, so a failing adapter cannot stop the reminders.
    const nextDue = dueCount < this.dues.length ? this.dues[dueCount]! : Infinity
    this.arm(now, Math.min(nextDue, holdEnd ?? Infinity))
    if (dueCount !== this.reportedCount) {
      this.reportedCount = dueCount
      this.deps.onCountChange?.(dueCount)
    }
    if (fresh.length === 1) {
      const [only] = fresh as [Entry]
      this.deps.notify({ kind: 'single', id: only.id, title: only.title, body: only.contactName })
    } else if (fresh.length > 1) {
      this.deps.notify({ kind: 'summary', count: fresh.length, ids: fresh.map((e) => e.id) })
    }
  }

  private load(): void {
    const entries: Entry[] = []
    for (const item of this.deps.dueItems()) {
      const due = parseIso(item.dueAt)
      if (Number.isNaN(due)) continue
      entries.push({ id: item.id, due, title: item.title, contactName: item.contactName })
    }
    // Plain loops: Float64Array.from and Array.from with a mapper are several times slower.
    const dues = new Float64Array(entries.length)
    for (let i = 0; i < entries.length; i += 1) dues[i] = entries[i]!.due
    const order = ascendingOrder(dues)
    const items = new Array<Entry>(entries.length)
    for (let i = 0; i < entries.length; i += 1) {
      const entry = entries[order[i]!]!
      items[i] = entry
      dues[i] = entry.due
    }
    this.items = items
    this.dues = dues
    this.loaded = true
    // Done and dropped items leave. Forgetting them is only about memory (an item reopened with
    // the same due time is not announced again either way), so it waits until the map has grown.
    if (this.notified.size > 2 * entries.length + 1024) {
      const present = new Set(entries.map((e) => e.id))
      for (const id of this.notified.keys()) if (!present.has(id)) this.notified.delete(id)
    }
    this.cursor = this.upperBound(this.scannedTo)
    this.backlog = []
    for (let i = 0; i < this.cursor; i += 1) {
      const entry = this.items[i]!
      if (this.notified.get(entry.id) !== entry.due) this.backlog.push(entry)
    }
  }

  /** The items that came due and were not announced for this due time; marks them announced. */
  private collect(now: number, dueCount: number): Entry[] {
    const fresh: Entry[] = []
    const take = (entry: Entry) => {
      if (this.notified.get(entry.id) === entry.due) return
      this.notified.set(entry.id, entry.due)
      fresh.push(entry)
    }
    for (const entry of this.backlog) take(entry)
    for (let i = this.cursor; i < dueCount; i += 1) take(this.items[i]!)
    this.backlog = []
    this.cursor = dueCount
    this.scannedTo = now
    return fresh
  }

  /** When held notifications may go out, or null if nothing holds them now. */
  private holdEnd(now: number, quiet: QuietHours): number | null {
    let end = now
    if (this.pausedUntil > end) end = this.pausedUntil
    const quietEnd = quietEndAfter(end, quiet)
    if (quietEnd !== null) end = quietEnd
    return end > now ? end : null
  }

  /** How many items are due at or before `time`. */
  private upperBound(time: number): number {
    const dues = this.dues
    let low = 0
    let high = dues.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (dues[mid]! <= time) low = mid + 1
      else high = mid
    }
    return low
  }

  private arm(now: number, target: number): void {
    this.disarm()
    if (!this.running) return
    const wait = Math.min(MAX_TIMER_MS, Math.max(1, Math.ceil(target - now)))
    this.timer = this.deps.setTimer(() => {
      this.timer = undefined
      this.tick()
    }, wait)
  }

  private disarm(): void {
    if (this.timer === undefined) return
    this.deps.clearTimer(this.timer)
    this.timer = undefined
  }
}

/**
 * If `time` falls in quiet hours (local time of the process), when they end; else null. Wall
 * times are built with Date's local setters, so daylight-saving days end quiet hours on time.
 */
const digits = (text: string, from: number, to: number): number => {
  let value = 0
  for (let i = from; i < to; i += 1) {
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return Number.NaN
    value = value * 10 + digit
  }
  return value
}

/**
 * Date.parse, with a fast path for the 'YYYY-MM-DDTHH:mm:ss.sssZ' the store writes: three times
 * faster, which is a tenth of a refresh at 50,000 items.
 */
export function parseIso(text: string): number {
  if (text.length !== 24 || text[23] !== 'Z' || text[10] !== 'T' || text[19] !== '.') {
    return Date.parse(text)
  }
  const year = digits(text, 0, 4)
  const month = digits(text, 5, 7)
  // Days past the 28th and two-digit years take the slow path, which knows calendars.
  const day = digits(text, 8, 10)
  const hour = digits(text, 11, 13)
  const minute = digits(text, 14, 16)
  const second = digits(text, 17, 19)
  const ms = digits(text, 20, 23)
  const plain =
    year >= 100 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 28 &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    ms >= 0 &&
    text[4] === '-' &&
    text[7] === '-' &&
    text[13] === ':' &&
    text[16] === ':'
  return plain ? Date.UTC(year, month - 1, day, hour, minute, second, ms) : Date.parse(text)
}

/**
 * Indices of `dues` (whole milliseconds) in ascending order, ties in input order. When the span
 * allows, one native numeric sort of exact keys `(due - min) * slots + index` replaces a
 * comparator sort, about four times faster; otherwise the comparator sort.
 */
export function ascendingOrder(dues: Float64Array): ArrayLike<number> {
  const n = dues.length
  let min = Infinity
  let max = -Infinity
  for (const due of dues) {
    if (due < min) min = due
    if (due > max) max = due
  }
  const slots = 2 ** Math.ceil(Math.log2(n + 1))
  if (n > 0 && (max - min + 1) * slots <= Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n)
    for (let i = 0; i < n; i += 1) keys[i] = (dues[i]! - min) * slots + i
    keys.sort()
    const order = new Uint32Array(n)
    for (let i = 0; i < n; i += 1) order[i] = keys[i]! % slots
    return order
  }
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => dues[a]! - dues[b]! || a - b)
}

export function quietEndAfter(time: number, quiet: Pick<QuietHours, 'from' | 'to'>): number | null {
  const from = minutesOf(quiet.from)
  const to = minutesOf(quiet.to)
  if (from === null || to === null || from === to) return null
  const at = new Date(time)
  const minute = at.getHours() * 60 + at.getMinutes()
  const inside = from < to ? minute >= from && minute < to : minute >= from || minute < to
  if (!inside) return null
  const end = new Date(time)
  end.setHours(Math.floor(to / 60), to % 60, 0, 0)
  if (end.getTime() <= time) end.setDate(end.getDate() + 1)
  return end.getTime()
}
