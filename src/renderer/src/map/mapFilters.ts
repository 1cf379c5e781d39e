import type { MapGraphView } from '../../../shared/map/mapOperations'
import type { Ecosystem, Tier } from '../../../shared/model'

export interface MapFilters {
  tags: string[]
  tiers: Tier[]
  ecosystems: Ecosystem[]
  /** A node key: people linked to this event / community. */
  event: string | null
  community: string | null
  /** Only people not contacted for more than this many days (or never). */
  olderThanDays: number | null
  showEvents: boolean
  showCommunities: boolean
}

export const NO_FILTERS: MapFilters = {
  tags: [],
  tiers: [],
  ecosystems: [],
  event: null,
  community: null,
  olderThanDays: null,
  showEvents: true,
  showCommunities: true,
}

export function filtersActive(f: MapFilters): boolean {
  return (
    f.tags.length > 0 ||
    f.tiers.length > 0 ||
    f.ecosystems.length > 0 ||
    f.event !== null ||
    f.community !== null ||
    f.olderThanDays !== null
  )
}

export function adjacency(view: MapGraphView): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>(view.nodes.map((n) => [n.key, new Set<string>()]))
  for (const [a, b] of view.edges) {
    map.get(a)?.add(b)
    map.get(b)?.add(a)
  }
  return map
}

/** Everyone within `depth` steps of `centre`, through the nodes in `allowed`. */
export function egoNodes(
  neighbours: ReadonlyMap<string, ReadonlySet<string>>,
  centre: string,
  depth: number,
  allowed: ReadonlySet<string>,
): Set<string> {
  const seen = new Set([centre])
  let frontier = [centre]
  for (let step = 0; step < depth; step++) {
    const next: string[] = []
    for (const key of frontier) {
      for (const other of neighbours.get(key) ?? []) {
        if (seen.has(other) || !allowed.has(other)) continue
        seen.add(other)
        next.push(other)
      }
    }
    frontier = next
  }
  return seen
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The nodes the filters let through. "Me" always stays, as the point of reference; events and
 * communities follow their toggles and, when people are filtered, show only if linked to one
 * still shown.
 */
export function visibleNodes(
  view: MapGraphView,
  neighbours: ReadonlyMap<string, ReadonlySet<string>>,
  f: MapFilters,
  now: number,
): Set<string> {
  const visible = new Set<string>()
  const tags = new Set(f.tags)
  const eventPeople = f.event ? neighbours.get(f.event) : undefined
  const communityPeople = f.community ? neighbours.get(f.community) : undefined
  for (const node of view.nodes) {
    if (node.kind === 'me') visible.add(node.key)
    if (node.kind !== 'contact') continue
    if (f.tiers.length > 0 && !f.tiers.includes(node.tier ?? 'outside')) continue
    if (f.ecosystems.length > 0 && (!node.ecosystem || !f.ecosystems.includes(node.ecosystem)))
      continue
    if (tags.size > 0 && !(node.tags ?? []).some((t) => tags.has(t))) continue
    if (eventPeople && !eventPeople.has(node.key)) continue
    if (communityPeople && !communityPeople.has(node.key)) continue
    if (f.olderThanDays !== null && node.lastContactAt) {
      if (now - Date.parse(node.lastContactAt) <= f.olderThanDays * DAY_MS) continue
    }
    visible.add(node.key)
  }
  const filtering = filtersActive(f)
  for (const node of view.nodes) {
    const shown =
      (node.kind === 'event' && f.showEvents) || (node.kind === 'community' && f.showCommunities)
    if (!shown) continue
    if (node.key === f.event || node.key === f.community) {
      visible.add(node.key)
      continue
    }
    if (!filtering || [...(neighbours.get(node.key) ?? [])].some((k) => visible.has(k)))
      visible.add(node.key)
  }
  return visible
}
