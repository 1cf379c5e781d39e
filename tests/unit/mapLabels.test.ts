import { describe, expect, it } from 'vitest'
import {
  FEW_SHOWN,
  importanceRanks,
  labelBudget,
  labelLeft,
  placeLabels,
  shortLabel,
  zoomStep,
} from '../../src/renderer/src/map/mapLabels'
import { fade } from '../../src/renderer/src/map/mapStyle'
import { LONER_RADIUS, ringView, TIER_RADIUS } from '../../src/renderer/src/map/placement'
import type { MapNode } from '../../src/shared/map/mapOperations'
import { node } from './mapFixtures'

/** Who is named at this zoom among `shown` nodes ranked by importance. */
const named = (nodes: MapNode[], ratio: number) => {
  const ranks = importanceRanks(nodes)
  const budget = labelBudget(zoomStep(ratio), nodes.length)
  return nodes.filter((n) => ranks.get(n.key)! < budget).map((n) => n.key)
}

describe('map labels by importance and zoom', () => {
  const people = Array.from({ length: 5000 }, (_, i) =>
    node(`contact:${i}`, { importance: ((i * 7919) % 5000) / 5000, degree: i % 13 }),
  )
  const network = [node('me'), ...people]

  it('names me and only the most important people with the whole map in view', () => {
    const shown = named(network, 1)
    expect(shown).toContain('me')
    expect(shown.length).toBeLessThan(100)
    const least = Math.min(
      ...shown.filter((k) => k !== 'me').map((k) => people.find((p) => p.key === k)!.importance),
    )
    const unnamed = people.filter((p) => !shown.includes(p.key))
    expect(Math.max(...unnamed.map((p) => p.importance))).toBeLessThanOrEqual(least)
  })

  it('names more people as the map is zoomed in, and fewer when zoomed out', () => {
    const full = named(network, 1).length
    const twice = named(network, 0.5).length
    expect(twice).toBeGreaterThanOrEqual(full * 3)
    expect(named(network, 2).length).toBeLessThan(full)
    // Zooming in never drops someone who was named.
    expect(named(network, 0.5)).toEqual(expect.arrayContaining(named(network, 1)))
  })

  it('names everyone when only a few are shown, even the least important', () => {
    const three = [node('me'), node('contact:a'), node('contact:b')]
    expect(named(three, 1)).toEqual(['me', 'contact:a', 'contact:b'])
    // Zoomed far out, where a large map names hardly anyone.
    expect(named(three, 8)).toHaveLength(3)
    expect(labelBudget(zoomStep(8), FEW_SHOWN)).toBe(FEW_SHOWN)
  })

  it('ranks the same network the same way every time, ties broken by degree then key', () => {
    const tie = importanceRanks([
      node('contact:b', { importance: 0.5 }),
      node('contact:a', { importance: 0.5 }),
    ])
    expect(tie.get('contact:a')!).toBeLessThan(tie.get('contact:b')!)
    const byDegree = importanceRanks([
      node('contact:a', { importance: 0.5 }),
      node('contact:b', { importance: 0.5, degree: 3 }),
    ])
    expect(byDegree.get('contact:b')!).toBeLessThan(byDegree.get('contact:a')!)
  })

  it('lets in events and communities one for every few people, however many links they gather', () => {
    const events = Array.from({ length: 30 }, (_, i) =>
      node(`event:${i}`, { importance: 1, degree: 500 }),
    )
    const shown = named([...network, ...events], 1)
    const places = shown.filter((k) => k.startsWith('event:')).length
    const people = shown.filter((k) => k.startsWith('contact:')).length
    expect(places).toBeGreaterThan(0)
    expect(people).toBeGreaterThanOrEqual(places * 3)
  })

  it('only changes its choice when the zoom moves a whole step', () => {
    expect(zoomStep(1)).toBe(0)
    expect(zoomStep(0.95)).toBe(0)
    expect(zoomStep(0.5)).toBe(2)
    expect(zoomStep(2)).toBe(-2)
  })
})

describe('labels that fit', () => {
  it('shortens long labels with an ellipsis, at a word where it can', () => {
    expect(shortLabel('Singapore Demo Day 2024 — the founders edition')).toBe('Singapore Demo Day…')
    expect(shortLabel('Ada Li')).toBe('Ada Li')
    expect(shortLabel('二〇二五年上海人工智能创业者大会暨投资人见面会')).toBe(
      '二〇二五年上海人工智能创业者大会暨投资人见…',
    )
    expect(Array.from(shortLabel('x'.repeat(80))).length).toBeLessThanOrEqual(22)
  })

  it('puts a label left of its node when it would run off the right edge, never past either edge', () => {
    expect(labelLeft(100, 5, 80, 800)).toBe(108)
    const left = labelLeft(760, 5, 80, 800)
    expect(left! + 80).toBeLessThanOrEqual(760)
    // Too wide for either side: kept inside the map anyway.
    const wide = labelLeft(30, 5, 300, 320)
    expect(wide).toBeGreaterThanOrEqual(0)
    expect(wide! + 300).toBeLessThanOrEqual(320)
    // A node panned off the map leaves no half label at its edge.
    expect(labelLeft(-3, 5, 80, 800)).toBeNull()
    expect(labelLeft(805, 5, 80, 800)).toBeNull()
  })
})

describe('people linked to no other person', () => {
  it('sit in their own band outside the outer ring; the inner circles keep theirs', () => {
    const nodes = [
      node('me'),
      node('contact:linked', { tier: 'outside' }),
      node('contact:alone', { tier: 'outside' }),
      node('contact:close', { tier: 'close' }),
    ]
    const free = new Map<string, [number, number]>([
      ['me', [0, 0]],
      ['contact:linked', [1, 0]],
      ['contact:alone', [0, 1]],
      ['contact:close', [-1, 0]],
    ])
    const loners = new Set(['contact:alone', 'contact:close'])
    const ring = ringView(nodes, free, loners)
    const radius = (key: string) => Math.hypot(...ring.get(key)!)
    expect(radius('contact:alone')).toBeCloseTo(LONER_RADIUS, 1)
    expect(Math.abs(radius('contact:linked') - TIER_RADIUS.outside)).toBeLessThan(0.5)
    expect(Math.abs(radius('contact:close') - TIER_RADIUS.close)).toBeLessThan(0.3)
    expect(radius('contact:alone')).toBeGreaterThan(radius('contact:linked'))
  })
})

describe('placing labels', () => {
  const measure = (text: string) => text.length * 7
  const at = (x: number, y: number, text: string, must = false) => ({ x, y, size: 4, text, must })

  it('draws the more important of two labels that would overlap, and both when apart', () => {
    const placed = placeLabels(
      [at(100, 100, 'Important'), at(104, 102, 'Less'), at(100, 300, 'Apart')],
      measure,
      800,
      600,
      13,
    )
    expect(placed.map((p) => p.text)).toEqual(['Important', 'Apart'])
  })

  it('never lets two drawn labels overlap, however crowded', () => {
    const crowd = Array.from({ length: 400 }, (_, i) =>
      at((i * 37) % 780, (i * 53) % 580, `Person ${i}`),
    )
    const placed = placeLabels(crowd, measure, 800, 600, 13)
    expect(placed.length).toBeGreaterThan(10)
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i]!
        const b = placed[j]!
        const apart =
          a.left + a.width <= b.left || b.left + b.width <= a.left || Math.abs(a.y - b.y) >= 13
        expect(apart).toBe(true)
      }
    for (const p of placed) {
      expect(p.left).toBeGreaterThanOrEqual(0)
      expect(p.left + p.width).toBeLessThanOrEqual(800)
    }
  })

  it('draws the ones that must be named even over others, and none for nodes off the map', () => {
    const placed = placeLabels(
      [
        at(100, 100, 'First'),
        at(102, 101, 'Selected', true),
        at(-20, 50, 'Gone'),
        at(50, 700, 'Below'),
      ],
      measure,
      800,
      600,
      13,
    )
    expect(placed.map((p) => p.text)).toEqual(['First', 'Selected'])
  })
})

describe('faint colours', () => {
  it('mixes a colour with white, staying opaque', () => {
    expect(fade('#000000', 0.5)).toBe('#808080')
    expect(fade('#868e96', 1)).toBe('#868e96')
    expect(fade('#868e96', 0)).toBe('#ffffff')
  })
})
