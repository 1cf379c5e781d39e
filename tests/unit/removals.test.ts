import { UndoLedger } from '../../src/main/core/undo/undoLedger'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/openCore'
import {
  DEMO_COMMUNITY_ID,
  DEMO_GATHERING_ID,
  DEMO_PAST_EVENT_ID,
} from '../../src/main/core/demo/demoNetwork'
import type { Encounter, FollowUp, Gathering } from '../../src/shared/model'
import { call, quietCore } from './helpers'

let core: Core
afterEach(() => core?.close())

type Met = { encounter: Encounter }[]
const encountersAt = async (eventId: string) =>
  (await call<{ met: Met }>(core, 'events.get', { id: eventId })).met.map((m) => m.encounter)

interface Removed {
  undoToken: string
  name: string
}

describe('deleting events, communities and gatherings, with undo', () => {
  it('an event goes; its conversations and follow-ups stay, and undo links them again', async () => {
    core = await quietCore({ demoOnFirstLaunch: true })
    const before = { encounters: await encountersAt(DEMO_PAST_EVENT_ID) }
    expect(before.encounters.length).toBeGreaterThan(0)
    const openQueue = async () => {
      const queue = await call<{ overdue: FollowUp[]; next24h: FollowUp[]; upcoming: FollowUp[] }>(
        core,
        'followUps.queue',
        {},
      )
      return [...queue.overdue, ...queue.next24h, ...queue.upcoming]
    }
    const linked = (await openQueue()).filter((f) => f.eventId === DEMO_PAST_EVENT_ID)
    expect(linked.length).toBeGreaterThan(0)
    const deleted = await call<Removed>(core, 'events.delete', { id: DEMO_PAST_EVENT_ID })
    expect(deleted.name).toBeTruthy()
    // The page gets a token and a name for its toast, never the records themselves.
    expect(Object.keys(deleted).sort()).toEqual(['name', 'undoToken'])
    const listed = await call<{ id: string }[]>(core, 'events.list', {})
    expect(listed.map((e) => e.id)).not.toContain(DEMO_PAST_EVENT_ID)
    const refused = await core.dispatch('events.get', { id: DEMO_PAST_EVENT_ID })
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    // The follow-ups are still in the queue, without the event.
    const ids = new Set(linked.map((f) => f.id))
    const stillOpen = (await openQueue()).filter((f) => ids.has(f.id))
    expect(stillOpen).toHaveLength(linked.length)
    for (const f of stillOpen) expect(f.eventId).toBeUndefined()

    await call(core, 'events.restore', { undoToken: deleted.undoToken })
    expect((await encountersAt(DEMO_PAST_EVENT_ID)).map((e) => e.id).sort()).toEqual(
      before.encounters.map((e) => e.id).sort(),
    )
    // An undo is used once.
    const again = await core.dispatch('events.restore', { undoToken: deleted.undoToken })
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', details: { reason: 'undoExpired' } },
    })
  })

  it('a community goes and its gathering stays on its own; undo brings both together', async () => {
    core = await quietCore({ demoOnFirstLaunch: true })
    const before = await call<Gathering[]>(core, 'gatherings.list', {})
    expect(before.find((g) => g.id === DEMO_GATHERING_ID)!.communityId).toBe(DEMO_COMMUNITY_ID)
    const deleted = await call<Removed>(core, 'communities.delete', {
      id: DEMO_COMMUNITY_ID,
    })
    const gatherings = await call<Gathering[]>(core, 'gatherings.list', {})
    expect(gatherings.find((g) => g.id === DEMO_GATHERING_ID)!.communityId).toBeUndefined()
    // A token of one kind does not undo another.
    expect(
      await core.dispatch('gatherings.restore', { undoToken: deleted.undoToken }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    await call(core, 'communities.restore', { undoToken: deleted.undoToken })
    const back = await call<Gathering[]>(core, 'gatherings.list', {})
    expect(back.find((g) => g.id === DEMO_GATHERING_ID)!.communityId).toBe(DEMO_COMMUNITY_ID)
  })

  it('a gathering goes and comes back; unknown ids and bad bundles change nothing', async () => {
    core = await quietCore({ demoOnFirstLaunch: true })
    const revision = core.revision()
    expect(await core.dispatch('gatherings.delete', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(
      await core.dispatch('communities.restore', { community: { id: 'x' }, gatheringIds: [] }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    // A made-up token restores nothing.
    expect(await core.dispatch('gatherings.restore', { undoToken: 'forged' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(core.revision()).toBe(revision)
    const deleted = await call<Removed>(core, 'gatherings.delete', {
      id: DEMO_GATHERING_ID,
    })
    expect(await call<Gathering[]>(core, 'gatherings.list', {})).toHaveLength(0)
    await call(core, 'gatherings.restore', { undoToken: deleted.undoToken })
    expect((await call<Gathering[]>(core, 'gatherings.list', {})).map((g) => g.id)).toEqual([
      DEMO_GATHERING_ID,
    ])
  })
})

describe('taking a person off an event’s list', () => {
  it('removes one row, and undo puts it back in its place', async () => {
    core = await quietCore({ demoOnFirstLaunch: true })
    await call(core, 'events.importPeople', {
      eventId: DEMO_PAST_EVENT_ID,
      role: 'attendee',
      text: 'Ada Lovelace, Analytical Engines\nGrace Hopper, Navy\nAlan Turing, Bletchley',
      commit: true,
    })
    const people = async () =>
      (
        await call<{ people: { id: string; name: string }[] }>(core, 'events.get', {
          id: DEMO_PAST_EVENT_ID,
        })
      ).people.map((p) => p.name)
    const before = await people()
    expect(before).toHaveLength(3)
    const grace = (
      await call<{ people: { id: string; name: string }[] }>(core, 'events.get', {
        id: DEMO_PAST_EVENT_ID,
      })
    ).people.find((p) => p.name === 'Grace Hopper')!
    const removed = await call<{ undoToken: string; person: { name: string } }>(
      core,
      'events.removePerson',
      {
        eventId: DEMO_PAST_EVENT_ID,
        personId: grace.id,
      },
    )
    expect(removed.person.name).toBe('Grace Hopper')
    expect(await people()).toEqual(before.filter((name) => name !== 'Grace Hopper'))
    await call(core, 'events.restorePerson', { undoToken: removed.undoToken })
    expect(await people()).toEqual(before)
    const gone = await core.dispatch('events.removePerson', {
      eventId: DEMO_PAST_EVENT_ID,
      personId: 'nobody',
    })
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('the core keeps what undo needs', () => {
  it('for thirty minutes, once per token, and for its own kind only', () => {
    let now = Date.parse('2026-12-06T10:00:00Z')
    const ledger = new UndoLedger({ now: () => new Date(now) })
    const token = ledger.keep('event', { id: 'e1' })
    expect(() => ledger.take('community', token)).toThrow(/no longer available/)
    expect(ledger.take('event', token)).toEqual({ id: 'e1' })
    expect(() => ledger.take('event', token)).toThrow(/no longer available/)
    const late = ledger.keep('event', { id: 'e2' })
    now += 31 * 60_000
    expect(() => ledger.take('event', late)).toThrow(/no longer available/)
  })
})
