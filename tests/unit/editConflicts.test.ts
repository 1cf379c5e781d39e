import { describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/openCore'
import { call, quietCore } from './helpers'

interface Versioned {
  id: string
  updatedAt: string
}

/** What a refused save answers: the code and the conflict's details. */
async function refusal(core: Core, name: string, input: unknown) {
  const answer = await core.dispatch(name, input)
  if (answer.ok) throw new Error(`${name} was not refused`)
  return answer.error as {
    code: string
    details: { fields: string[]; current: Record<string, unknown>; updatedAt?: string }
  }
}

async function eventOf(core: Core) {
  return call<Versioned & { name: string; venue?: string }>(core, 'events.create', {
    name: 'Shanghai AI Summit',
    startsAt: '2027-03-01T01:00:00.000Z',
    timeZone: 'Asia/Shanghai',
    venue: 'Expo Hall',
  })
}

describe('two windows editing the same record', () => {
  it('keeps both changes to an event when they touch different fields', async () => {
    const core = await quietCore()
    const opened = await eventOf(core)
    const version = { expectedUpdatedAt: opened.updatedAt }
    await call(core, 'events.update', {
      id: opened.id,
      patch: { name: 'AI Summit 2027' },
      base: { name: opened.name },
      ...version,
    })
    const second = await call<{ name: string; venue: string }>(core, 'events.update', {
      id: opened.id,
      patch: { venue: 'West Bund' },
      base: { venue: opened.venue },
      ...version,
    })
    expect(second).toMatchObject({ name: 'AI Summit 2027', venue: 'West Bund' })
  })

  it('refuses a stale event write to the same field, names it, and changes nothing', async () => {
    const core = await quietCore()
    const opened = await eventOf(core)
    const first = await call<Versioned>(core, 'events.update', {
      id: opened.id,
      patch: { venue: 'West Bund' },
      base: { venue: opened.venue },
      expectedUpdatedAt: opened.updatedAt,
    })
    const refused = await refusal(core, 'events.update', {
      id: opened.id,
      patch: { venue: 'Pudong Center', city: 'Shanghai' },
      base: { venue: opened.venue, city: null },
      expectedUpdatedAt: opened.updatedAt,
    })
    expect(refused.code).toBe('CONFLICT')
    expect(refused.details.fields).toEqual(['venue'])
    expect(refused.details.current).toEqual({ venue: 'West Bund' })
    expect(refused.details.updatedAt).toBe(first.updatedAt)
    const stored = await call<{ event: { venue: string; city?: string } }>(core, 'events.get', {
      id: opened.id,
    })
    expect(stored.event.venue).toBe('West Bund')
    expect(stored.event.city ?? '').toBe('')

    // Keeping my draft on purpose: the same change, now from the version the conflict named.
    const merged = await call<{ venue: string; city: string }>(core, 'events.update', {
      id: opened.id,
      patch: { venue: 'Pudong Center', city: 'Shanghai' },
      base: { venue: 'West Bund', city: null },
      expectedUpdatedAt: refused.details.updatedAt,
    })
    expect(merged).toMatchObject({ venue: 'Pudong Center', city: 'Shanghai' })
  })

  it('refuses a stale community write to the same field', async () => {
    const core = await quietCore()
    const opened = await call<Versioned & { theme: string }>(core, 'communities.create', {
      name: 'AI founders',
      theme: 'Building with models',
    })
    await call(core, 'communities.update', {
      id: opened.id,
      patch: { theme: 'Shipping agents' },
      base: { theme: opened.theme },
      expectedUpdatedAt: opened.updatedAt,
    })
    const refused = await refusal(core, 'communities.update', {
      id: opened.id,
      patch: { theme: 'Evaluating models', name: 'AI builders' },
      base: { theme: opened.theme, name: 'AI founders' },
      expectedUpdatedAt: opened.updatedAt,
    })
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      details: { fields: ['theme'], current: { theme: 'Shipping agents' } },
    })
    const names = await call<{ id: string; name: string }[]>(core, 'communities.names', undefined)
    expect(names.find((c) => c.id === opened.id)?.name).toBe('AI founders')
  })

  it('refuses a stale gathering write to the same field', async () => {
    const core = await quietCore()
    const opened = await call<Versioned & { venue: string }>(core, 'gatherings.create', {
      title: 'Hotpot dinner',
      startsAt: '2027-01-10T11:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      venue: 'Haidilao',
    })
    await call(core, 'gatherings.update', {
      id: opened.id,
      patch: { venue: 'Xiabu' },
      base: { venue: opened.venue },
      expectedUpdatedAt: opened.updatedAt,
    })
    const refused = await refusal(core, 'gatherings.update', {
      id: opened.id,
      patch: { venue: 'Dong Lai Shun' },
      base: { venue: opened.venue },
      expectedUpdatedAt: opened.updatedAt,
    })
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      details: { fields: ['venue'], current: { venue: 'Xiabu' } },
    })
  })

  it('refuses a settings write over a field changed elsewhere and keeps other fields apart', async () => {
    const core = await quietCore()
    const before = await call<{ me: { name: string; positioning: { valueProposition: string } } }>(
      core,
      'settings.get',
      undefined,
    )
    await call(core, 'settings.update', {
      me: { name: 'Lin Yue' },
      base: { 'me.name': before.me.name },
    })
    // Another window, opened before, changes another field: kept.
    const other = await call<{ me: { name: string } }>(core, 'settings.update', {
      me: { positioning: { valueProposition: 'I connect AI founders with clinics' } },
      base: { 'me.positioning.valueProposition': before.me.positioning.valueProposition },
    })
    expect(other.me.name).toBe('Lin Yue')
    // …and the same field: refused, naming it.
    const refused = await refusal(core, 'settings.update', {
      me: { name: 'Yue Lin' },
      base: { 'me.name': before.me.name },
    })
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      details: { fields: ['me.name'], current: { 'me.name': 'Lin Yue' } },
    })
  })

  it('names the card fields changed elsewhere, and merges a card edit of other fields', async () => {
    const core = await quietCore()
    const opened = await call<Versioned & { role: string }>(core, 'contacts.create', {
      name: 'Ada',
      role: 'CTO',
    })
    await call(core, 'contacts.update', {
      id: opened.id,
      patch: { archived: true },
      base: { archived: false },
      expectedUpdatedAt: opened.updatedAt,
    })
    const kept = await call<{ role: string; archived: boolean }>(core, 'contacts.update', {
      id: opened.id,
      patch: { role: 'CEO' },
      base: { role: 'CTO' },
      expectedUpdatedAt: opened.updatedAt,
    })
    expect(kept).toMatchObject({ role: 'CEO', archived: true })
    const refused = await refusal(core, 'contacts.update', {
      id: opened.id,
      patch: { role: 'Founder' },
      base: { role: 'CTO' },
      expectedUpdatedAt: opened.updatedAt,
    })
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      details: { fields: ['role'], current: { role: 'CEO' } },
    })
  })
})
