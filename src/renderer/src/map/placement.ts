import type { MapGraphView, MapNode } from '../../../shared/map/mapOperations'
import type { Tier } from '../../../shared/model'

/** Radius of each golden-circle tier around "me": closer people sit nearer the middle. */
export const TIER_RADIUS: Record<Tier, number> = { life: 1.2, close: 2.3, good: 3.4, outside: 4.6 }
/** Events and communities sit outside the rings. */
const PLACE_RADIUS = 5.8
/** Where outer-circle people linked to no other person sit: a band of their own. */
export const LONER_RADIUS = 5.25
type Band = Tier | 'loners'
const BAND_RADIUS: Record<Band, number> = { ...TIER_RADIUS, loners: LONER_RADIUS }

/** A stable number in [0, 1) from a key, so the same network is placed the same way. */
function hash01(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return (h >>> 0) / 4294967296
}

const neighboursOf = (view: MapGraphView) => {
  const map = new Map<string, string[]>()
  for (const [a, b] of view.edges) {
    if (!map.has(a)) map.set(a, [])
    if (!map.has(b)) map.set(b, [])
    map.get(a)!.push(b)
    map.get(b)!.push(a)
  }
  return map
}

/**
 * A good first picture before any layout: "me" in the middle, people on rings by tier, each
 * cluster in its own slice of the circle, events and communities beside their people. Most of
 * ForceAtlas2's work is pulling clusters apart, so starting from this it settles much sooner.
 */
export function ringPlacement(view: MapGraphView): Map<string, [number, number]> {
  const placed = new Map<string, [number, number]>()
  const people = view.nodes.filter((n) => n.kind === 'contact')
  const sliceOf = new Map<number, { start: number; width: number }>()
  const sizes = new Map<number, number>()
  for (const p of people) sizes.set(p.cluster, (sizes.get(p.cluster) ?? 0) + 1)
  let start = 0
  for (const [cluster, size] of [...sizes.entries()].sort((a, b) => a[0] - b[0])) {
    const width = (size / Math.max(people.length, 1)) * Math.PI * 2
    sliceOf.set(cluster, { start, width })
    start += width
  }
  for (const node of view.nodes) {
    if (node.kind === 'me') placed.set(node.key, [0, 0])
    if (node.kind !== 'contact') continue
    const slice = sliceOf.get(node.cluster)!
    const angle = slice.start + slice.width * (0.1 + 0.8 * hash01(node.key))
    const r = TIER_RADIUS[node.tier ?? 'outside'] * (0.9 + 0.2 * hash01(`${node.key}r`))
    placed.set(node.key, [Math.cos(angle) * r, Math.sin(angle) * r])
  }
  const neighbours = neighboursOf(view)
  for (const node of view.nodes) {
    if (node.kind !== 'event' && node.kind !== 'community') continue
    let x = 0
    let y = 0
    let n = 0
    for (const other of neighbours.get(node.key) ?? []) {
      const at = placed.get(other)
      if (!at) continue
      x += at[0]
      y += at[1]
      n++
    }
    const angle = n > 0 && (x !== 0 || y !== 0) ? Math.atan2(y, x) : hash01(node.key) * Math.PI * 2
    placed.set(node.key, [Math.cos(angle) * PLACE_RADIUS, Math.sin(angle) * PLACE_RADIUS])
  }
  return placed
}

/** The naive start, for the benchmark's baseline: anywhere in a square. */
export function randomPlacement(view: MapGraphView): Map<string, [number, number]> {
  return new Map(
    view.nodes.map((n) => [n.key, [hash01(n.key) * 10 - 5, hash01(`${n.key}y`) * 10 - 5]]),
  )
}

/**
 * The golden-circle view of a free layout: each person keeps the direction ForceAtlas2 gave them
 * from "me" (so clusters stay together) but sits on their tier's ring; events and communities
 * go just outside, towards their people.
 */
export function ringView(
  nodes: readonly MapNode[],
  free: ReadonlyMap<string, [number, number]>,
  loners: ReadonlySet<string> = new Set(),
): Map<string, [number, number]> {
  const me = free.get('me') ?? [0, 0]
  const out = new Map<string, [number, number]>()
  // Within a ring, spread people by how far out the layout put them, so they overlap less.
  const byTier = new Map<Band, { key: string; d: number; angle: number }[]>()
  for (const node of nodes) {
    const at = free.get(node.key)
    if (!at) continue
    if (node.kind === 'me') {
      out.set(node.key, [0, 0])
      continue
    }
    const dx = at[0] - me[0]
    const dy = at[1] - me[1]
    const angle = Math.atan2(dy, dx)
    if (node.kind !== 'contact') {
      out.set(node.key, [Math.cos(angle) * PLACE_RADIUS, Math.sin(angle) * PLACE_RADIUS])
      continue
    }
    // Outer-circle people linked to no other person share a band of their own just outside it;
    // the inner circles keep everyone on their ring.
    const own = node.tier ?? 'outside'
    const tier: Band = own === 'outside' && loners.has(node.key) ? 'loners' : own
    if (!byTier.has(tier)) byTier.set(tier, [])
    byTier.get(tier)!.push({ key: node.key, d: Math.hypot(dx, dy), angle })
  }
  for (const [tier, list] of byTier) {
    // Halfway between the layout's direction and an even spread round the ring (in the same
    // order): neighbours stay neighbours, but two people never sit on top of each other.
    list.sort((a, b) => a.angle - b.angle)
    const step = (Math.PI * 2) / list.length
    const first = list[0]!.angle
    const angles = list.map((p, i) => (p.angle + first + i * step) / 2)
    const byDistance = [...list.keys()].sort((i, j) => list[i]!.d - list[j]!.d)
    const band = tier === 'loners' ? 0.5 : tier === 'outside' ? 0.9 : 0.5
    byDistance.forEach((i, rank) => {
      const r = BAND_RADIUS[tier] - band / 2 + (band * (rank + 0.5)) / list.length
      out.set(list[i]!.key, [Math.cos(angles[i]!) * r, Math.sin(angles[i]!) * r])
    })
  }
  return out
}
