import type { MapNode } from '../../../shared/map/mapOperations'

/** With this many nodes shown or fewer, every one of them is named. */
export const FEW_SHOWN = 20
/** Ranks up to this one (me and the few most important) are named at any zoom, overlap or not. */
export const ALWAYS_NAMED = 5
/** How many of the most important nodes are named with the whole map in view. */
const BUDGET_AT_FULL_VIEW = 40
/** Labels longer than this are shortened with "…"; hover shows the whole text. */
export const MAX_LABEL_CHARS = 22

/** One event or community is named for every this many people. */
const PEOPLE_PER_PLACE = 4

/**
 * Every node's rank for a label, 0 first: "me", then people by importance, degree and key (so
 * the same network always names the same people), with events and communities, which gather
 * many links and would otherwise take every label, let in one for every few people.
 */
export function importanceRanks(nodes: readonly MapNode[]): Map<string, number> {
  const order = (a: MapNode, b: MapNode) =>
    b.importance - a.importance ||
    b.degree - a.degree ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  const people = nodes.filter((n) => n.kind === 'contact').sort(order)
  const places = nodes.filter((n) => n.kind === 'event' || n.kind === 'community').sort(order)
  const ranks = new Map<string, number>()
  const step = PEOPLE_PER_PLACE + 1
  for (const n of nodes) if (n.kind === 'me') ranks.set(n.key, 0)
  people.forEach((n, i) =>
    ranks.set(n.key, 1 + i + Math.min(Math.floor(i / PEOPLE_PER_PLACE), places.length)),
  )
  places.forEach((n, i) => ranks.set(n.key, 1 + i * step + PEOPLE_PER_PLACE))
  return ranks
}

/** Node keys, most important first. */
export function byRank(ranks: ReadonlyMap<string, number>): string[] {
  return [...ranks].sort((a, b) => a[1] - b[1]).map(([key]) => key)
}

/**
 * The camera's zoom as a step: zooming in by a factor of √2 goes one step up. Labels are chosen
 * again only when the step changes, not on every frame of a zoom.
 */
export function zoomStep(ratio: number): number {
  // "+ 0" turns -0 into 0.
  return Math.round(-Math.log2(Math.max(ratio, 1e-6)) * 2) + 0
}

/**
 * How many of the most important nodes may carry a label at this zoom step: the view covers
 * 1/ratio² of the map, so twice the zoom names four times as many (about as many per screen).
 * When only a few are shown, all of them are named.
 */
export function labelBudget(step: number, shown: number): number {
  if (shown <= FEW_SHOWN) return shown
  const ratio = 2 ** (-step / 2)
  return Math.min(
    shown,
    Math.max(ALWAYS_NAMED + 1, Math.round(BUDGET_AT_FULL_VIEW / (ratio * ratio))),
  )
}

/** A label short enough not to run off the map: whole words where it can, then "…". */
export function shortLabel(text: string, max = MAX_LABEL_CHARS): string {
  if (text.length <= max) return text
  const chars = Array.from(text)
  if (chars.length <= max) return text
  const cut = chars.slice(0, max - 1).join('')
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/** Room kept between a label and the map's edge. */
const EDGE_GAP = 4

/**
 * Where a label starts: right of its node, or left of it when it would run off the map's right
 * edge, and never past either edge; null (no label) when the node itself is off the map.
 */
export function labelLeft(
  nodeX: number,
  nodeSize: number,
  textWidth: number,
  width: number,
): number | null {
  if (nodeX < 0 || nodeX > width) return null
  const right = nodeX + nodeSize + 3
  if (right + textWidth <= width - EDGE_GAP) return right
  const left = nodeX - nodeSize - 3 - textWidth
  if (left >= EDGE_GAP) return left
  return Math.max(EDGE_GAP, width - EDGE_GAP - textWidth)
}

export interface LabelCandidate {
  /** Viewport position and drawn radius of the node. */
  x: number
  y: number
  size: number
  text: string
  /** Drawn even over another label: the selection, its path, or one of only a few shown. */
  must: boolean
}

export interface PlacedLabel {
  text: string
  left: number
  /** Baseline. */
  y: number
  width: number
}

/**
 * Which labels to draw, and where: candidates come most important first, and each is drawn
 * unless it would cover one already drawn (`must` ones always are). Nodes off the map get none.
 */
export function placeLabels(
  candidates: Iterable<LabelCandidate>,
  measure: (text: string) => number,
  width: number,
  height: number,
  labelSize: number,
): PlacedLabel[] {
  const placed: PlacedLabel[] = []
  const boxes: { l: number; r: number; t: number; b: number }[] = []
  const gap = 2
  for (const c of candidates) {
    if (c.y < 0 || c.y > height) continue
    const textWidth = measure(c.text)
    const left = labelLeft(c.x, c.size, textWidth, width)
    if (left === null) continue
    const box = {
      l: left - gap,
      r: left + textWidth + gap,
      t: c.y - labelSize / 2 - gap,
      b: c.y + labelSize / 2 + gap,
    }
    const covers = boxes.some((o) => box.l < o.r && box.r > o.l && box.t < o.b && box.b > o.t)
    if (covers && !c.must) continue
    boxes.push(box)
    placed.push({ text: c.text, left, y: c.y + labelSize / 3, width: textWidth })
  }
  return placed
}
