import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/openCore'
import type {
  IntroductionSuggestion,
  MapGraphView,
  ReachPath,
} from '../../src/shared/map/mapOperations'
import type { Contact, FollowUp } from '../../src/shared/model'
import { call, quietCore, tempDir } from './helpers'

async function demoCore(): Promise<Core> {
  return quietCore({ dataDir: await tempDir(), demoOnFirstLaunch: true })
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise
  } catch (error) {
    return error as { code: string; message: string }
  }
  throw new Error('expected a failure')
}

describe('map operations', () => {
  it('answers the demo network as nodes and edges, and follows a new relationship', async () => {
    const core = await demoCore()
    try {
      const contacts = await call<Contact[]>(core, 'contacts.list', {})
      const view = await call<MapGraphView>(core, 'map.graph', {})
      const people = view.nodes.filter((n) => n.kind === 'contact')
      expect(people).toHaveLength(contacts.filter((c) => !c.archived).length)
      expect(view.nodes.filter((n) => n.kind === 'me')).toHaveLength(1)
      expect(view.nodes.some((n) => n.kind === 'event')).toBe(true)
      expect(view.nodes.some((n) => n.kind === 'community')).toBe(true)
      expect(view.edges.length).toBeGreaterThan(20)
      const scores = people.map((n) => n.importance)
      expect(Math.min(...scores)).toBeGreaterThanOrEqual(0)
      expect(Math.max(...scores)).toBeLessThanOrEqual(1)
      expect(Math.max(...scores)).toBeGreaterThan(Math.min(...scores))

      const [a, b] = contacts.filter(
        (x, _, all) =>
          !view.edges.some(
            ([s, t]) => s === `contact:${x.id}` && all.some((y) => t === `contact:${y.id}`),
          ),
      )
      const linked = (v: MapGraphView) =>
        v.edges.some(
          ([s, t]) =>
            (s === `contact:${a!.id}` && t === `contact:${b!.id}`) ||
            (s === `contact:${b!.id}` && t === `contact:${a!.id}`),
        )
      if (!linked(view)) {
        await call(core, 'relationships.create', { fromId: a!.id, toId: b!.id, kind: 'knows' })
        const after = await call<MapGraphView>(core, 'map.graph', {})
        expect(after.version).toBeGreaterThan(view.version)
        expect(linked(after)).toBe(true)
      }
    } finally {
      await core.close()
    }
  })

  it('keeps positions, and refuses bad ones without changing anything', async () => {
    const dir = await tempDir()
    const core = await quietCore({ dataDir: dir, demoOnFirstLaunch: true })
    try {
      await call(core, 'map.savePositions', { positions: { me: [0, 0], 'contact:nobody': [1, 2] } })
      let view = await call<MapGraphView>(core, 'map.graph', {})
      // Positions of nodes that no longer exist are not handed out.
      expect(view.positions).toEqual({ me: [0, 0] })

      for (const positions of [
        { me: [Number.NaN, 0] },
        { me: [Number.POSITIVE_INFINITY, 0] },
        { 'person:x': [0, 0] },
        { me: [0] },
      ]) {
        const error = await failure(call(core, 'map.savePositions', { positions }))
        expect(error.code).toBe('VALIDATION')
      }
      const tooMany = Object.fromEntries(
        Array.from({ length: 60_001 }, (_, i) => [`contact:${i}`, [0, 0]]),
      )
      expect((await failure(call(core, 'map.savePositions', { positions: tooMany }))).code).toBe(
        'VALIDATION',
      )
      view = await call<MapGraphView>(core, 'map.graph', {})
      expect(view.positions).toEqual({ me: [0, 0] })
    } finally {
      await core.close()
    }
    expect(await readFile(`${dir}/rapport.journal`, 'utf8').catch(() => '')).not.toContain('NaN')
  })

  it('turns an accepted introduction into a follow-up, then marks the pair planned', async () => {
    const core = await demoCore()
    try {
      const suggestions = await call<IntroductionSuggestion[]>(core, 'map.suggestions', {})
      expect(suggestions.length).toBeGreaterThan(0)
      const first = suggestions[0]!
      expect(first.reasons.length).toBeGreaterThan(0)
      const made = await call<FollowUp>(core, 'map.acceptIntroduction', {
        aId: first.a.id,
        bId: first.b.id,
        title: `Introduce ${first.a.name} to ${first.b.name}`,
      })
      expect(made).toMatchObject({ contactId: first.a.id, status: 'open', careKind: 'recommend' })
      const again = await call<IntroductionSuggestion[]>(core, 'map.suggestions', { limit: 100 })
      const same = again.find((s) => s.a.id === first.a.id && s.b.id === first.b.id)
      expect(same?.planned).toBe(true)

      const self = await failure(
        call(core, 'map.acceptIntroduction', { aId: first.a.id, bId: first.a.id, title: 'x' }),
      )
      expect(self.code).toBe('VALIDATION')
      const ghost = await failure(
        call(core, 'map.acceptIntroduction', { aId: first.a.id, bId: 'ghost', title: 'x' }),
      )
      expect(ghost.code).toBe('NOT_FOUND')
    } finally {
      await core.close()
    }
  })

  it('finds a path to someone in the demo network, and says who is unknown', async () => {
    const core = await demoCore()
    try {
      const contacts = await call<Contact[]>(core, 'contacts.list', {})
      const paths = await Promise.all(
        contacts.map((c) => call<ReachPath>(core, 'map.path', { contactId: c.id })),
      )
      const long = paths.filter((p) => p.steps.length >= 3)
      expect(long.length).toBeGreaterThan(0)
      expect(long[0]!.steps[0]!.key).toBe('me')
      expect((await failure(call(core, 'map.path', { contactId: 'ghost' }))).code).toBe('NOT_FOUND')
    } finally {
      await core.close()
    }
  })
})
