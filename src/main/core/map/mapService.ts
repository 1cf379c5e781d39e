import type {
  IntroductionSuggestion,
  MapGraphView,
  MapNode,
  NetworkBalance,
  ReachPath,
} from '../../../shared/map/mapOperations'
import type { ParsedInputOf } from '../../../shared/contract'
import { RapportError } from '../../../shared/errors'
import { type FollowUp, type StoreData } from '../../../shared/model'
import { nextTimestamp, type Clock } from '../clock'
import { networkBalance } from './balance'
import { clustersOf } from './clusters'
import { importanceOf } from './importance'
import { suggestIntroductions } from './introductions'
import { contactKey, ME_KEY, NetworkGraph } from './networkGraph'
import { reachPath } from './reachPath'
import type { JournaledStore } from '../store/journaledStore'
import { notFound } from '../contacts/contactService'
import { createRecord } from '../store/createRecord'

/** The one kept layout record; the map has a single view of the network. */
export const MAP_LAYOUT_ID = 'map'
const DAY_MS = 24 * 60 * 60 * 1000

/** The latest encounter, done follow-up or help per contact, in one pass over the history. */
function lastContacts(data: Readonly<StoreData>): Map<string, string> {
  const last = new Map<string, string>()
  const see = (id: string, at: string) => {
    const seen = last.get(id)
    if (!seen || Date.parse(at) > Date.parse(seen)) last.set(id, at)
  }
  for (const e of data.encounters) see(e.contactId, e.at)
  for (const f of data.followUps) if (f.doneAt) see(f.contactId, f.doneAt)
  for (const h of data.helps) see(h.contactId, h.at)
  return last
}

/**
 * The relationship map over the store: one graph kept in step with every change (patched at
 * the next read after a change, never rebuilt), with importance and clusters computed once per
 * version of it.
 */
export function createMapService(store: JournaledStore, clock: Clock) {
  const network = new NetworkGraph()
  let dirty = true
  store.onChange(() => {
    dirty = true
  })
  const current = () => {
    if (dirty) {
      network.sync(store.read())
      dirty = false
    }
    return network
  }
  let metrics:
    | {
        version: number
        importance: ReturnType<typeof importanceOf>
        clusters: ReturnType<typeof clustersOf>
      }
    | undefined
  const metricsNow = () => {
    const graph = current()
    if (metrics?.version !== graph.version) {
      metrics = {
        version: graph.version,
        importance: importanceOf(graph),
        clusters: clustersOf(graph),
      }
    }
    return metrics
  }

  return {
    /** For tests and the benchmark. */
    network: current,

    graph(): MapGraphView {
      const data = store.read()
      const graph = current().graph
      const { importance, clusters } = metricsNow()
      const last = lastContacts(data)
      const nodes: MapNode[] = []
      graph.forEachNode((key, a) => {
        const measure = importance.get(key)
        const node: MapNode = {
          key,
          kind: a.kind,
          label: a.label,
          importance: measure?.score ?? 0,
          mentions: measure?.mentions ?? 0,
          degree: measure?.degree ?? 0,
          cluster: clusters.cluster.get(key) ?? -1,
        }
        if (a.kind === 'contact') {
          const id = key.slice('contact:'.length)
          node.tier = a.tier ?? 'outside'
          if (a.ecosystem) node.ecosystem = a.ecosystem
          node.tags = a.tags ?? []
          node.lastContactAt = last.get(id) ?? null
        }
        nodes.push(node)
      })
      const edges: MapGraphView['edges'] = []
      graph.forEachEdge((_key, a, source, target) => {
        edges.push([source, target, a.kinds])
      })
      const kept = store.find('mapLayouts', MAP_LAYOUT_ID)
      const positions: MapGraphView['positions'] = {}
      if (kept) {
        for (const [key, xy] of Object.entries(kept.positions)) {
          if (graph.hasNode(key)) positions[key] = xy
        }
      }
      return { version: current().version, nodes, edges, positions, clusterCount: clusters.count }
    },

    savePositions({ positions }: ParsedInputOf<'map.savePositions'>): Promise<{ saved: number }> {
      return store.update((tx) => {
        const kept = tx.find('mapLayouts', MAP_LAYOUT_ID)
        const now = nextTimestamp(clock, kept?.updatedAt)
        tx.put('mapLayouts', {
          id: MAP_LAYOUT_ID,
          createdAt: kept?.createdAt ?? now,
          updatedAt: now,
          positions,
        })
        return { saved: Object.keys(positions).length }
      })
    },

    clearPositions(): Promise<{ ok: true }> {
      return store.update((tx) => {
        if (tx.find('mapLayouts', MAP_LAYOUT_ID)) tx.remove('mapLayouts', MAP_LAYOUT_ID)
        return { ok: true as const }
      })
    },

    suggestions({ limit }: ParsedInputOf<'map.suggestions'>): IntroductionSuggestion[] {
      return suggestIntroductions(current(), store.read(), limit ?? 20)
    },

    /** One transaction: both people are checked and the follow-up is written, or nothing is. */
    acceptIntroduction(input: ParsedInputOf<'map.acceptIntroduction'>): Promise<FollowUp> {
      const { aId, bId } = input
      if (aId === bId) {
        return Promise.reject(
          new RapportError('VALIDATION', 'Someone cannot be introduced to themselves', {
            issues: [{ path: 'bId', message: 'must differ from aId' }],
          }),
        )
      }
      return store.update((tx) => {
        for (const id of [aId, bId]) {
          const contact = tx.find('contacts', id)
          if (!contact || contact.archived) throw notFound('contact', id)
        }
        return createRecord(tx, clock, 'followUps', {
          contactId: aId,
          title: input.title,
          dueAt: input.dueAt ?? new Date(clock.now().getTime() + 3 * DAY_MS).toISOString(),
          reason: 'custom',
          careKind: 'recommend',
          notes: input.notes ?? '',
        })
      })
    },

    path({ contactId }: ParsedInputOf<'map.path'>): ReachPath {
      const graph = current()
      const key = contactKey(contactId)
      if (!graph.graph.hasNode(key)) throw notFound('contact', contactId)
      return {
        steps: reachPath(graph, key).map((k) => ({
          key: k,
          label: k === ME_KEY ? '' : graph.graph.getNodeAttribute(k, 'label'),
        })),
      }
    },

    balance(): NetworkBalance {
      return networkBalance(store.read())
    },
  }
}
