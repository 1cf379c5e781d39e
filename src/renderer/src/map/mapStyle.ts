import type { MapNode } from '../../../shared/map/mapOperations'
import type { Ecosystem, Tier } from '../../../shared/model'

export type ColourBy = 'tier' | 'ecosystem' | 'cluster' | 'community'

export const TIER_COLOURS: Record<Tier, string> = {
  life: '#c2255c',
  close: '#e8590c',
  good: '#2f9e44',
  outside: '#868e96',
}
export const ECOSYSTEM_COLOURS: Record<Ecosystem, string> = {
  interests: '#f08c00',
  work: '#1971c2',
  media: '#9c36b5',
  finance: '#2b8a3e',
  community: '#e03131',
  government: '#5f3dc4',
}
/** Distinct, colour-blind-friendlier hues (Okabe–Ito first) for clusters and communities. */
export const PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#d55e00',
  '#56b4e9',
  '#7b6f00',
  '#8f3f97',
  '#1b9e77',
  '#a6761d',
]
export const NONE_COLOUR = '#adb5bd'
export const ME_COLOUR = '#212529'
export const EVENT_COLOUR = '#495057'
export const COMMUNITY_COLOUR = '#343a40'

export function paletteColour(index: number): string {
  return index < 0 ? NONE_COLOUR : PALETTE[index % PALETTE.length]!
}

/**
 * A person's colour by the chosen scheme. `communityOf` maps a person to the index of their
 * first community (by the communities' order on the map), for "by community".
 */
export function nodeColour(
  node: MapNode,
  by: ColourBy,
  communityOf: ReadonlyMap<string, number>,
): string {
  if (node.kind === 'me') return ME_COLOUR
  if (node.kind === 'event') return EVENT_COLOUR
  if (node.kind === 'community')
    return by === 'community' ? paletteColour(communityOf.get(node.key) ?? -1) : COMMUNITY_COLOUR
  switch (by) {
    case 'tier':
      return TIER_COLOURS[node.tier ?? 'outside']
    case 'ecosystem':
      return node.ecosystem ? ECOSYSTEM_COLOURS[node.ecosystem] : NONE_COLOUR
    case 'cluster':
      return paletteColour(node.cluster)
    case 'community':
      return paletteColour(communityOf.get(node.key) ?? -1)
  }
}

/**
 * On-screen size: important people stand out, but nobody vanishes; fewer nodes, larger dots.
 * People linked to no other person (`loner`) are small dots, so they do not bury the network.
 */
export function nodeSize(node: MapNode, order: number, loner = false): number {
  const scale = order > 10000 ? 0.45 : order > 1000 ? 0.6 : order > 200 ? 0.8 : 1
  if (node.kind === 'me') return (order > 10000 ? 20 : 14) * scale
  if (node.kind !== 'contact') return 7 * scale
  // On a small map a loner is still a dot one can see and point at.
  if (loner) return (order > 1000 ? 2.5 : 4) * scale
  return (4 + 12 * Math.sqrt(node.importance)) * scale
}

/**
 * `hex` (#rrggbb) mixed with the white background: `strength` 1 is the colour itself, 0 white.
 * Opaque, because sigma's WebGL blending washes half-transparent colours out to nothing.
 */
export function fade(hex: string, strength: number): string {
  const mix = (at: number) =>
    Math.round(255 - (255 - parseInt(hex.slice(at, at + 2), 16)) * strength)
      .toString(16)
      .padStart(2, '0')
  return `#${mix(1)}${mix(3)}${mix(5)}`
}
