import { describe, expect, it } from 'vitest'
import {
  adjacency,
  egoNodes,
  NO_FILTERS,
  visibleNodes,
} from '../../src/renderer/src/map/mapFilters'
import { ringView, TIER_RADIUS } from '../../src/renderer/src/map/placement'
import type { MapGraphView } from '../../src/shared/map/mapOperations'
import { node } from './mapFixtures'

const NOW = Date.parse('2026-06-01T00:00:00.000Z')
const view: MapGraphView = {
  version: 1,
  clusterCount: 0,
  positions: {},
  nodes: [
    node('me'),
    node('contact:a', { tier: 'close', tags: ['vc'], lastContactAt: '2026-05-30T00:00:00.000Z' }),
    node('contact:b', { tier: 'outside', ecosystem: 'media', lastContactAt: null }),
    node('contact:c', { tier: 'good', lastContactAt: '2025-01-01T00:00:00.000Z' }),
    node('contact:d', { tier: 'good' }),
    node('event:x'),
    node('community:y'),
  ],
  edges: [
    ['me', 'contact:a', ['met']],
    ['contact:a', 'contact:b', ['knows']],
    ['contact:b', 'contact:c', ['knows']],
    ['contact:c', 'contact:d', ['knows']],
    ['contact:a', 'event:x', ['attended']],
    ['contact:d', 'community:y', ['member']],
  ],
}
const links = adjacency(view)
const shown = (filters: Partial<typeof NO_FILTERS>) =>
  [...visibleNodes(view, links, { ...NO_FILTERS, ...filters }, NOW)].sort()

describe('map filters', () => {
  it('shows everything without filters, and hides events or communities on request', () => {
    expect(shown({})).toHaveLength(7)
    expect(shown({ showEvents: false, showCommunities: false })).not.toContain('event:x')
    expect(shown({ showEvents: false, showCommunities: false })).not.toContain('community:y')
  })

  it('keeps me and only the people (and places) that match', () => {
    expect(shown({ tiers: ['good'] })).toEqual(['community:y', 'contact:c', 'contact:d', 'me'])
    expect(shown({ tags: ['vc'] })).toEqual(['contact:a', 'event:x', 'me'])
    expect(shown({ ecosystems: ['media'] })).toEqual(['contact:b', 'me'])
    expect(shown({ event: 'event:x' })).toEqual(['contact:a', 'event:x', 'me'])
  })

  it('finds people not contacted for N days, counting never as long ago', () => {
    expect(shown({ olderThanDays: 30, showEvents: false, showCommunities: false })).toEqual([
      'contact:b',
      'contact:c',
      'contact:d',
      'me',
    ])
  })

  it('shows one or two steps around a person in the ego view', () => {
    const all = new Set(view.nodes.map((n) => n.key))
    expect([...egoNodes(links, 'contact:b', 1, all)].sort()).toEqual([
      'contact:a',
      'contact:b',
      'contact:c',
    ])
    expect([...egoNodes(links, 'contact:b', 2, all)].sort()).toEqual([
      'contact:a',
      'contact:b',
      'contact:c',
      'contact:d',
      'event:x',
      'me',
    ])
  })
})

describe('the golden-circle ring view', () => {
  it('puts each person on their tier ring, keeping their direction from me, and never on top of each other', () => {
    const people = Array.from({ length: 12 }, (_, i) => node(`contact:${i}`, { tier: 'close' }))
    // Everyone in nearly the same direction: the view must still spread them out.
    const free = new Map<string, [number, number]>([
      ['me', [0, 0]],
      ...people.map((p, i): [string, [number, number]] => [p.key, [10, i * 0.01]]),
    ])
    const ring = ringView([node('me'), ...people], free)
    expect(ring.get('me')).toEqual([0, 0])
    const points = people.map((p) => ring.get(p.key)!)
    for (const [x, y] of points) {
      expect(Math.abs(Math.hypot(x, y) - TIER_RADIUS.close)).toBeLessThanOrEqual(0.25)
    }
    let closest = Infinity
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++)
        closest = Math.min(
          closest,
          Math.hypot(points[i]![0] - points[j]![0], points[i]![1] - points[j]![1]),
        )
    expect(closest).toBeGreaterThan(0.3)
  })
})
