import { z } from 'zod'
import type { Ecosystem, FollowUp, Tier } from '../model'
import { idSchema, isoDateTimeSchema } from '../model'
import { noInput, op } from '../operation'

/** Node keys: "me", "contact:<id>", "event:<id>", "community:<id>". */
export const mapNodeKeySchema = z
  .string()
  .max(100)
  .regex(/^(me|(contact|event|community):[^\s:]{1,64})$/, 'not a map node key')

/** Kept positions must be plain, finite numbers inside a sane range. */
const coordinateSchema = z.number().finite().min(-1e7).max(1e7)

/** Most nodes a saved layout may hold: a large network plus its events and communities. */
export const MAX_KEPT_POSITIONS = 60_000

export type MapNodeKind = 'me' | 'contact' | 'event' | 'community'

/**
 * Why two nodes are linked. `knows` covers typed relationships other than introductions and
 * "people we both know"; `met` is a conversation between me and the contact.
 */
export type MapEdgeKind = 'knows' | 'introduced' | 'met' | 'attended' | 'member' | 'mentioned'

export interface MapNode {
  key: string
  kind: MapNodeKind
  label: string
  /** Contacts only. */
  tier?: Tier
  ecosystem?: Ecosystem
  tags?: string[]
  /** The latest conversation, done follow-up or help with them; contacts only. */
  lastContactAt?: string | null
  /** 0..1: PageRank, degree and how often others named them, blended. */
  importance: number
  /** How many times someone said "you should meet them". */
  mentions: number
  degree: number
  /** Louvain cluster number (people only; -1 for events and communities). */
  cluster: number
}

/** [source key, target key, kinds]: compact, because a large network has 20,000 of them. */
export type MapEdge = [string, string, MapEdgeKind[]]

export interface MapGraphView {
  /** Goes up with every change to the graph; a reload with the same one shows the same map. */
  version: number
  nodes: MapNode[]
  edges: MapEdge[]
  /** Kept positions by node key; nodes without one need placing. */
  positions: Record<string, [number, number]>
  clusterCount: number
}

/** One shared trait of a suggested pair; the interface words it in the user's language. */
export type IntroductionReason =
  | { kind: 'ecosystem'; ecosystem: Ecosystem; role?: string }
  | { kind: 'community'; name: string }
  | { kind: 'interest'; value: string }
  | { kind: 'tag'; value: string }

export interface IntroductionSuggestion {
  a: { id: string; name: string }
  b: { id: string; name: string }
  score: number
  reasons: IntroductionReason[]
  /** An open follow-up of one of them already names the other. */
  planned: boolean
}

export interface ReachPath {
  /** From "me" to the person, or empty when no chain of people I know reaches them. */
  steps: { key: string; label: string }[]
}

export interface NetworkBalance {
  /** People in my golden circle (life, close, good) and in the whole network, per ecosystem. */
  ecosystems: { ecosystem: Ecosystem; circle: number; all: number; thin: boolean }[]
  /** Without an ecosystem on their card. */
  unsorted: number
  tiers: { tier: Tier; count: number; target: number | null; status: 'under' | 'ok' | 'over' }[]
}

/** The relationship map's operations. */
export const mapOperations = {
  'map.graph': op<MapGraphView>()(noInput),
  /** Replaces the kept layout with these positions (the whole map after a layout). */
  'map.savePositions': op<{ saved: number }>()(
    z
      .object({
        positions: z
          .record(mapNodeKeySchema, z.tuple([coordinateSchema, coordinateSchema]))
          .refine((p) => Object.keys(p).length <= MAX_KEPT_POSITIONS, {
            message: `at most ${MAX_KEPT_POSITIONS} positions`,
          }),
      })
      .strict(),
  ),
  'map.suggestions': op<IntroductionSuggestion[]>()(
    z.object({ limit: z.number().int().min(1).max(100).optional() }).strict(),
  ),
  /** "Introduce A to B" becomes a follow-up on A. */
  'map.acceptIntroduction': op<FollowUp>()(
    z
      .object({
        aId: idSchema,
        bId: idSchema,
        title: z.string().trim().min(1).max(200),
        notes: z.string().max(2000).optional(),
        dueAt: isoDateTimeSchema.optional(),
      })
      .strict(),
  ),
  'map.path': op<ReachPath>()(z.object({ contactId: idSchema }).strict()),
  'map.balance': op<NetworkBalance>()(noInput),
} as const
