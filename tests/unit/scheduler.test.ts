import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MAX_TIMER_MS,
  ReminderScheduler,
  ascendingOrder,
  parseIso,
  quietEndAfter,
  type QuietHours,
  type ReminderItem,
  type ReminderNotification,
} from '../../src/main/core/followUps/reminders/scheduler'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * Fake time with the two clocks a real machine has: the wall clock (`now`) and the monotonic
 * clock timers run on. Time passing moves both; a sleep or a clock change moves only the wall
 * clock, so a timer armed before it fires late in wall time, as it does in Node.
 */
class FakeTime {
  wall: number
  private mono = 0
  private nextHandle = 1
  private readonly timers = new Map<number, { at: number; fn: () => void }>()
  /** Every delay the scheduler asked for. */
  readonly delays: number[] = []

  constructor(start: Date) {
    this.wall = start.getTime()
  }

  now = (): Date => new Date(this.wall)

  setTimer = (fn: () => void, ms: number): unknown => {
    const handle = this.nextHandle++
    this.timers.set(handle, { at: this.mono + ms, fn })
    this.delays.push(ms)
    return handle
  }

  clearTimer = (handle: unknown): void => {
    this.timers.delete(handle as number)
  }

  get pending(): number {
    return this.timers.size
  }

  /** Awake time passes: timers fire in order, each at its moment. */
  advance(ms: number): void {
    const end = this.mono + ms
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined
      for (const entry of this.timers) if (!next || entry[1].at < next[1].at) next = entry
      if (!next || next[1].at > end) break
      this.timers.delete(next[0])
      this.wall += next[1].at - this.mono
      this.mono = next[1].at
      next[1].fn()
    }
    this.wall += end - this.mono
    this.mono = end
  }

  /** The laptop sleeps: the wall clock moves on, timers do not. */
  sleep(ms: number): void {
    this.wall += ms
  }

  /** The user or the network changes the clock (either way). */
  jump(ms: number): void {
    this.wall += ms
  }
}

// Local times: a Monday at 10:00 in whatever zone the tests run in.
const START = new Date(2026, 5, 15, 10, 0)
const local = (day: number, hour: number, minute = 0) => new Date(2026, 5, day, hour, minute)

const item = (id: string, due: number | Date): ReminderItem => ({
  id,
  dueAt: new Date(due).toISOString(),
  title: `Title ${id}`,
  contactName: `Name ${id}`,
})
const inMinutes = (minutes: number) => START.getTime() + minutes * MINUTE

function setup(
  items: ReminderItem[],
  options: { start?: Date; quiet?: Partial<QuietHours>; notify?: () => void } = {},
) {
  const time = new FakeTime(options.start ?? START)
  const state = {
    items,
    quiet: { from: '22:00', to: '08:00', enabled: true, ...options.quiet } as QuietHours,
    reads: 0,
  }
  const sent: ReminderNotification[] = []
  const counts: number[] = []
  const scheduler = new ReminderScheduler({
    now: time.now,
    setTimer: time.setTimer,
    clearTimer: time.clearTimer,
    dueItems: () => {
      state.reads += 1
      return state.items
    },
    notify: (n) => {
      sent.push(n)
      options.notify?.()
    },
    quietHours: () => state.quiet,
    onCountChange: (count) => counts.push(count),
  })
  return {
    time,
    scheduler,
    sent,
    counts,
    state,
    /** Changes the data, as a store change would, and tells the scheduler. */
    setItems(next: ReminderItem[]) {
      state.items = next
      scheduler.refresh()
    },
    /** Ids announced so far, one entry per announcement. */
    announced: () => sent.flatMap((n) => (n.kind === 'single' ? [n.id] : n.ids)),
  }
}

describe('ReminderScheduler', () => {
  it('sums up what came due while the app was closed in one notification', () => {
    const t = setup([
      item('b', inMinutes(-60)),
      item('a', inMinutes(-3 * 24 * 60)),
      item('c', inMinutes(0)),
      item('later', inMinutes(30)),
    ])
    t.scheduler.start()
    expect(t.sent).toEqual([{ kind: 'summary', count: 3, ids: ['a', 'b', 'c'] }])
    expect(t.counts).toEqual([3])
  })

  it('announces a single item due at start on its own', () => {
    const t = setup([item('a', inMinutes(-5))])
    t.scheduler.start()
    expect(t.sent).toEqual([{ kind: 'single', id: 'a', title: 'Title a', body: 'Name a' }])
  })

  it('announces each item once when it comes due', () => {
    const t = setup([item('a', inMinutes(10)), item('b', inMinutes(25))])
    t.scheduler.start()
    t.time.advance(9 * MINUTE)
    expect(t.sent).toEqual([])
    t.time.advance(MINUTE)
    expect(t.announced()).toEqual(['a'])
    t.time.advance(15 * MINUTE)
    expect(t.announced()).toEqual(['a', 'b'])
    t.time.advance(DAY)
    expect(t.sent.map((n) => n.kind)).toEqual(['single', 'single'])
    expect(t.counts).toEqual([0, 1, 2])
  })

  it('sums up many items coming due in the same tick', () => {
    const t = setup(['a', 'b', 'c', 'd', 'e'].map((id) => item(id, inMinutes(5))))
    t.scheduler.start()
    t.time.advance(5 * MINUTE)
    expect(t.sent).toEqual([{ kind: 'summary', count: 5, ids: ['a', 'b', 'c', 'd', 'e'] }])
  })

  it('arms the timer for the next due time, never more than a minute ahead', () => {
    const t = setup([item('a', inMinutes(0.5)), item('b', inMinutes(10))])
    t.scheduler.start()
    expect(t.time.delays).toEqual([30 * SECOND])
    t.time.advance(30 * SECOND)
    expect(t.announced()).toEqual(['a'])
    expect(t.time.delays.at(-1)).toBe(MAX_TIMER_MS)
    t.time.advance(HOUR)
    expect(t.announced()).toEqual(['a', 'b'])
    expect(Math.max(...t.time.delays)).toBeLessThanOrEqual(MAX_TIMER_MS)
    expect(Math.min(...t.time.delays)).toBeGreaterThanOrEqual(1)
    expect(t.time.pending).toBe(1)
  })

  it('holds notifications in quiet hours across midnight, then sums them up', () => {
    const t = setup(
      [
        item('late', local(15, 22, 30)),
        item('night', local(15, 23)),
        item('small hours', local(16, 3)),
        item('morning', local(16, 8, 30)),
      ],
      { start: local(15, 21) },
    )
    t.scheduler.start()
    t.time.advance(HOUR + 29 * MINUTE)
    expect(t.counts).toEqual([0])
    t.time.advance(MINUTE)
    // The badge still counts what is due; only the notifications wait.
    expect(t.counts).toEqual([0, 1])
    t.time.advance(local(16, 8).getTime() - t.time.wall - 1)
    expect(t.sent).toEqual([])
    expect(t.counts).toEqual([0, 1, 2, 3])
    t.time.advance(1)
    expect(t.sent).toEqual([{ kind: 'summary', count: 3, ids: ['late', 'night', 'small hours'] }])
    t.time.advance(30 * MINUTE)
    expect(t.sent.at(-1)).toMatchObject({ kind: 'single', id: 'morning' })
  })

  it('holds notifications in daytime quiet hours too', () => {
    const t = setup([item('a', local(15, 12, 15))], {
      start: local(15, 11),
      quiet: { from: '12:00', to: '13:00' },
    })
    t.scheduler.start()
    t.time.advance(2 * HOUR - 1)
    expect(t.sent).toEqual([])
    t.time.advance(1)
    expect(t.announced()).toEqual(['a'])
  })

  it('starting in quiet hours waits for their end', () => {
    const t = setup([item('a', local(14, 9)), item('b', local(14, 10))], { start: local(15, 6) })
    t.scheduler.start()
    expect(t.sent).toEqual([])
    expect(t.counts).toEqual([2])
    t.time.advance(2 * HOUR)
    expect(t.sent).toEqual([{ kind: 'summary', count: 2, ids: ['a', 'b'] }])
  })

  it('pauses for an hour and then sums up', () => {
    const t = setup([item('a', inMinutes(10)), item('b', inMinutes(20)), item('c', inMinutes(90))])
    t.scheduler.start()
    t.scheduler.pauseFor(HOUR)
    t.time.advance(HOUR - 1)
    expect(t.sent).toEqual([])
    t.time.advance(1)
    expect(t.sent).toEqual([{ kind: 'summary', count: 2, ids: ['a', 'b'] }])
    t.time.advance(30 * MINUTE)
    expect(t.announced()).toEqual(['a', 'b', 'c'])
  })

  it('resumes at once when the pause is lifted', () => {
    const t = setup([item('a', inMinutes(10))])
    t.scheduler.start()
    t.scheduler.pauseFor(HOUR)
    t.time.advance(20 * MINUTE)
    t.scheduler.pauseFor(0)
    expect(t.announced()).toEqual(['a'])
  })

  it('keeps a pause an hour long when the clock is set back', () => {
    const t = setup([item('a', inMinutes(-DAY / MINUTE))], {
      quiet: { from: '00:00', to: '00:00' },
    })
    t.scheduler.pauseFor(HOUR)
    t.scheduler.start()
    t.time.jump(-3 * HOUR)
    // Noticed at the next tick, within a minute: the hour counts from there.
    t.time.advance(HOUR - MINUTE)
    expect(t.sent).toEqual([])
    t.time.advance(MAX_TIMER_MS + MINUTE)
    expect(t.announced()).toEqual(['a'])
  })

  it('after a long sleep, sums up what came due meanwhile within a minute of waking', () => {
    const t = setup([
      item('a', inMinutes(60)),
      item('b', inMinutes(120)),
      item('c', inMinutes(180)),
    ])
    t.scheduler.start()
    t.time.sleep(6 * HOUR)
    expect(t.sent).toEqual([])
    t.time.advance(MAX_TIMER_MS)
    expect(t.sent).toEqual([{ kind: 'summary', count: 3, ids: ['a', 'b', 'c'] }])
  })

  it('a wall clock jumping forward two days sums up what it skipped', () => {
    const t = setup([item('a', inMinutes(60)), item('b', inMinutes(26 * 60))])
    t.scheduler.start()
    t.time.jump(2 * DAY)
    t.scheduler.tick()
    expect(t.sent).toEqual([{ kind: 'summary', count: 2, ids: ['a', 'b'] }])
  })

  it('does not repeat anything when the clock goes back', () => {
    const t = setup([item('a', inMinutes(5)), item('b', inMinutes(6))])
    t.scheduler.start()
    t.time.advance(10 * MINUTE)
    expect(t.announced()).toEqual(['a', 'b'])
    t.time.jump(-HOUR)
    t.scheduler.tick()
    expect(t.counts.at(-1)).toBe(0)
    t.time.advance(2 * HOUR)
    expect(t.announced()).toEqual(['a', 'b'])
    expect(t.counts.at(-1)).toBe(2)
  })

  it('announces a snoozed item again when the snooze ends', () => {
    const t = setup([item('a', inMinutes(5))])
    t.scheduler.start()
    t.time.advance(5 * MINUTE)
    t.setItems([item('a', inMinutes(65))])
    expect(t.counts.at(-1)).toBe(0)
    t.time.advance(HOUR - 1)
    expect(t.announced()).toEqual(['a'])
    t.time.advance(1)
    expect(t.announced()).toEqual(['a', 'a'])
  })

  it('announces an item that is already due when it is added', () => {
    const t = setup([item('a', inMinutes(-5))])
    t.scheduler.start()
    t.time.advance(MINUTE)
    t.setItems([item('a', inMinutes(-5)), item('new', inMinutes(-1))])
    expect(t.announced()).toEqual(['a', 'new'])
    // Other changes to the data do not repeat anything.
    t.setItems([item('new', inMinutes(-1)), item('a', inMinutes(-5)), item('x', inMinutes(9))])
    expect(t.announced()).toEqual(['a', 'new'])
  })

  it('counts down when items are done', () => {
    const t = setup([item('a', inMinutes(-5)), item('b', inMinutes(-4))])
    t.scheduler.start()
    t.setItems([item('b', inMinutes(-4))])
    expect(t.counts).toEqual([2, 1])
  })

  it('announces nothing while reminders are off, nor later what came due meanwhile', () => {
    const t = setup(
      [item('past', inMinutes(-1)), item('a', inMinutes(5)), item('b', inMinutes(90))],
      {
        quiet: { enabled: false },
      },
    )
    t.scheduler.start()
    t.time.advance(10 * MINUTE)
    expect(t.sent).toEqual([])
    expect(t.counts).toEqual([1, 2])
    t.state.quiet = { ...t.state.quiet, enabled: true }
    t.time.advance(HOUR)
    expect(t.sent).toEqual([])
    t.time.advance(HOUR)
    expect(t.announced()).toEqual(['b'])
  })

  it('stops: no timer left and nothing announced', () => {
    const t = setup([item('a', inMinutes(5))])
    t.scheduler.start()
    t.scheduler.stop()
    expect(t.time.pending).toBe(0)
    t.time.advance(HOUR)
    expect(t.sent).toEqual([])
  })

  it('keeps running when the adapter throws', () => {
    let fail = true
    const t = setup([item('a', inMinutes(1)), item('b', inMinutes(2))], {
      notify: () => {
        if (fail) {
          fail = false
          throw new Error('Notification failed')
        }
      },
    })
    t.scheduler.start()
    expect(() => t.time.advance(MINUTE)).toThrow('Notification failed')
    t.time.advance(MINUTE)
    expect(t.announced()).toEqual(['a', 'b'])
  })

  it('reads the data on refresh only, not on every tick', () => {
    const t = setup([item('a', inMinutes(5))])
    t.scheduler.start()
    t.time.advance(DAY)
    expect(t.state.reads).toBe(1)
  })

  it('ticks in well under 5 ms at 50,000 follow-ups', () => {
    const items = Array.from({ length: 50_000 }, (_, i) =>
      item(`f${i}`, START.getTime() + ((i * 7919) % 50_000) * MINUTE - 10 * DAY),
    )
    const t = setup(items, { quiet: { from: '00:00', to: '00:00' } })
    t.scheduler.start()
    const times: number[] = []
    for (let i = 0; i < 300; i += 1) {
      t.time.jump(MINUTE)
      const started = performance.now()
      t.scheduler.tick()
      times.push(performance.now() - started)
    }
    times.sort((a, b) => a - b)
    expect(times[times.length >> 1]).toBeLessThan(5)
    expect(t.state.reads).toBe(1)
  })
})

describe('quietEndAfter', () => {
  it('knows when quiet hours end, and that equal times mean none', () => {
    const quiet = { from: '22:00', to: '08:00' }
    expect(quietEndAfter(local(15, 21, 59).getTime(), quiet)).toBeNull()
    expect(quietEndAfter(local(15, 22).getTime(), quiet)).toBe(local(16, 8).getTime())
    expect(quietEndAfter(local(16, 7, 59).getTime(), quiet)).toBe(local(16, 8).getTime())
    expect(quietEndAfter(local(16, 8).getTime(), quiet)).toBeNull()
    expect(quietEndAfter(local(16, 3).getTime(), { from: '08:00', to: '08:00' })).toBeNull()
    expect(quietEndAfter(local(16, 3).getTime(), { from: 'late', to: '08:00' })).toBeNull()
  })
})

describe('refresh helpers', () => {
  it('parses ISO times as Date.parse does', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), (date) => {
        expect(parseIso(date.toISOString())).toBe(date.getTime())
      }),
    )
    const odd = [
      '2026-02-31T10:00:00.000Z',
      '2026-06-15T10:00:00+08:00',
      '0050-06-15T10:00:00.000Z',
      '2026-13-15T10:00:00.000Z',
      '2026-06-15T24:00:00.000Z',
      '2026-06-15 10:00:00.000Z',
      'not a date at all, really',
    ]
    for (const text of odd) expect(parseIso(text)).toEqual(Date.parse(text))
  })

  it('orders due times ascending, ties in input order, over short and huge spans', () => {
    const times = fc.oneof(
      fc.integer({ min: 1.7e12, max: 1.7e12 + 1e6 }),
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
    )
    fc.assert(
      fc.property(fc.array(times, { maxLength: 300 }), (list) => {
        const dues = Float64Array.from(list)
        const order = Array.from(ascendingOrder(dues))
        expect([...order].sort((a, b) => a - b)).toEqual(list.map((_, i) => i))
        for (let i = 1; i < order.length; i += 1) {
          const [a, b] = [order[i - 1]!, order[i]!]
          expect(dues[a]! < dues[b]! || (dues[a] === dues[b] && a < b)).toBe(true)
        }
      }),
    )
  })
})

describe('ReminderScheduler property', () => {
  type Step =
    | { op: 'advance'; ms: number }
    | { op: 'jump'; ms: number }
    | { op: 'tick' }
    | { op: 'snooze'; index: number; ms: number }
    | { op: 'refresh' }
    | { op: 'pause'; ms: number }
    | { op: 'quiet'; from: number; to: number }

  const hhmm = (hour: number) => `${String(hour).padStart(2, '0')}:00`
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 3 * HOUR }) }),
    fc.record({
      op: fc.constant('jump' as const),
      ms: fc.integer({ min: -2 * DAY, max: 2 * DAY }),
    }),
    fc.record({ op: fc.constant('tick' as const) }),
    fc.record({
      op: fc.constant('snooze' as const),
      index: fc.nat(),
      ms: fc.integer({ min: MINUTE, max: DAY }),
    }),
    fc.record({ op: fc.constant('refresh' as const) }),
    fc.record({ op: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 2 * HOUR }) }),
    fc.record({
      op: fc.constant('quiet' as const),
      from: fc.integer({ min: 0, max: 23 }),
      to: fc.integer({ min: 0, max: 23 }),
    }),
  )

  it('never announces an item twice unless it was snoozed in between, and misses none', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -2 * DAY, max: 3 * DAY }), { minLength: 1, maxLength: 30 }),
        fc.array(step, { maxLength: 60 }),
        (offsets, steps) => {
          const t = setup(offsets.map((offset, i) => item(`i${i}`, START.getTime() + offset)))
          /** Ids that may be announced (again): at first all, after a snooze the snoozed one. */
          const mayAnnounce = new Set(t.state.items.map((i) => i.id))
          let seen = 0
          const check = () => {
            for (const id of t.announced().slice(seen)) {
              expect(mayAnnounce.has(id), `announced ${id} twice`).toBe(true)
              mayAnnounce.delete(id)
            }
            seen = t.announced().length
          }
          t.scheduler.start()
          check()
          for (const s of steps) {
            if (s.op === 'advance') t.time.advance(s.ms)
            else if (s.op === 'jump') t.time.jump(s.ms)
            else if (s.op === 'tick') t.scheduler.tick()
            else if (s.op === 'refresh') t.scheduler.refresh()
            else if (s.op === 'pause') t.scheduler.pauseFor(s.ms)
            else if (s.op === 'quiet')
              t.state.quiet = { ...t.state.quiet, from: hhmm(s.from), to: hhmm(s.to) }
            else {
              const items = [...t.state.items]
              const index = s.index % items.length
              const snoozed = items[index]!
              items[index] = item(
                snoozed.id,
                Math.max(Date.parse(snoozed.dueAt), t.time.wall) + s.ms,
              )
              mayAnnounce.add(snoozed.id)
              t.setItems(items)
            }
            check()
          }
          // Lift every hold: whatever is due by now has been announced for its due time.
          t.state.quiet = { ...t.state.quiet, from: '00:00', to: '00:00' }
          t.scheduler.pauseFor(0)
          t.time.advance(MAX_TIMER_MS)
          check()
          for (const i of t.state.items) {
            if (Date.parse(i.dueAt) <= t.time.wall) expect(mayAnnounce.has(i.id)).toBe(false)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
