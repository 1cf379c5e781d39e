import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/openCore'
import {
  DEMO_COMMUNITY_ID,
  DEMO_GATHERING_ID,
  DEMO_PAST_EVENT_ID,
} from '../../src/main/core/demo/demoNetwork'
import type { Encounter, FollowUp, Gathering } from '../../src/shared/model'
import type {
  DeletedCommunity,
  DeletedEvent,
  DeletedGathering,
} from '../../src/shared/undo/removals'
import { call, quietCore } from './helpers'

let core: Core
afterEach(() => core?.close())

type Met = { encounter: Encounter }[]
const encountersAt = async (eventId: string) =>
  (await call<{ met: Met }>(core, 'events.get', { id: eventId })).met.map((m) => m.encounter)

describe('deleting events, communities and gatherings, with undo', () => {
  it('an event goes; its conversations and follow-ups stay, and undo links them again', async () => {
    core = await quietCore({ demoOnFirstLaunch: true })
    const before = { encounters: await encountersAt(DEMO_PAST_EVENT_ID) }
    expect(before.encounters.length).toBeGreaterThan(0)
    const deleted = await call<DeletedEvent>(core, 'events.delete', { id: DEMO_PAST_EVENT_ID })
    expect(deleted.encounterIds).toHaveLength(before.encounters.length)
    expect(deleted.followUpIds.length).toBeGreaterThan(0)
    const listed = await call<{ id: string }[]>(core, 'events.list', {})
    expect(listed.map((e) => e.id)).not.toContain(DEMO_PAST_EVENT_ID)
    const refused = await core.dispatch('events.get', { id: DEMO_PAST_EVENT_ID })
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    // The follow-ups are still in the queue, without the event.
    const queue = await call<{ overdue: FollowUp[]; next24h: FollowUp[]; upcoming: FollowUp[] }>(
      core,
      'followUps.queue',
      {},
    )
    const open = [...queue.overdue, ...queue.next24h, ...queue.upcoming]
    const stillOpen = open.filter((f) => deleted.followUpIds.includes(f.id))
    expect(stillOpen.length).toBeGreaterThan(0)
    for (const f of stillOpen) expect(f.eventId).toBeUndefined()

    await call(core, 'events.restore', deleted)
    expect((await encountersAt(DEMO_PAST_EVENT_ID)).map((e) => e.id).sort()).toEqual(
      before.encounters.map((e) => e.id).sort(),
    )
    const again = await core.dispatch('events.restore', deleted)
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('a community goes and its gathering stays on its own; undo brings both together', async () => {
    core = await quietCore({ demoOnFirstLaunch: true })
    const deleted = await call<DeletedCommunity>(core, 'communities.delete', {
      id: DEMO_COMMUNITY_ID,
    })
    expect(deleted.gatheringIds).toEqual([DEMO_GATHERING_ID])
    const gatherings = await call<Gathering[]>(core, 'gatherings.list', {})
    expect(gatherings.find((g) => g.id === DEMO_GATHERING_ID)!.communityId).toBeUndefined()
    await call(core, 'communities.restore', deleted)
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
    expect(core.revision()).toBe(revision)
    const deleted = await call<DeletedGathering>(core, 'gatherings.delete', {
      id: DEMO_GATHERING_ID,
    })
    expect(await call<Gathering[]>(core, 'gatherings.list', {})).toHaveLength(0)
    await call(core, 'gatherings.restore', deleted)
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
    const removed = await call<{ person: { name: string } }>(core, 'events.removePerson', {
      eventId: DEMO_PAST_EVENT_ID,
      personId: grace.id,
    })
    expect(removed.person.name).toBe('Grace Hopper')
    expect(await people()).toEqual(before.filter((name) => name !== 'Grace Hopper'))
    await call(core, 'events.restorePerson', removed)
    expect(await people()).toEqual(before)
    const gone = await core.dispatch('events.removePerson', {
      eventId: DEMO_PAST_EVENT_ID,
      personId: 'nobody',
    })
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
