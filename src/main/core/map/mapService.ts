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

/** Records synced between two pauses of a background build: a few milliseconds each. */
const SLICE = 1_000
/** A background build starts this long after start-up, or after the last change. */
const WARM_UP_AFTER_START_MS = 2_000
const WARM_UP_AFTER_CHANGE_MS = 1_500
/** Rounds of catching up with changes that keep coming before the rest is done in one go. */
const MAX_ROUNDS = 3

const pause = () => new Promise<void>((resolve) => setImmediate(resolve))

interface Metrics {
  version: number
  importance: ReturnType<typeof importanceOf>
  clusters: ReturnType<typeof clustersOf>
}

export interface MapServiceOptions {
  /**
   * Build the graph, its importance and clusters in the background (in slices, between other
   * requests) after start-up and after changes, so opening the map finds its answer ready.
   */
  warmUp?: boolean
}

/**
 * The relationship map over the store: one graph kept in step with every change (patched, never
 * rebuilt), with importance, clusters and the `map.graph` answer computed once per version of
 * it. Operations that need the graph at once catch up synchronously; `map.graph` waits for a
 * build done in slices, so a large network never holds up other requests for long. Nothing is
 * answered for an older version of the store than the one read at the time of answering.
 */
export function createMapService(
  store: JournaledStore,
  clock: Clock,
  options: MapServiceOptions = {},
) {
  const network = new NetworkGraph()
  /** The store revision the graph was last synced with; any change to the store moves it on. */
  let syncedRevision = -1
  /** A sliced sync is paused half-way: the graph is not yet what the store holds. */
  let slicing = false
  const behind = () => slicing || syncedRevision !== store.revision()
  const readToSync = () => {
    syncedRevision = store.revision()
    return store.read()
  }
  let stopped = false
  let warmUpTimer: ReturnType<typeof setTimeout> | undefined
  const warmUpIn = (ms: number) => {
    if (!options.warmUp || stopped) return
    clearTimeout(warmUpTimer)
    warmUpTimer = setTimeout(() => {
      ready().catch((error: unknown) => {
        if (!stopped) console.error('Rapport: building the map in the background failed', error)
      })
    }, ms)
    warmUpTimer.unref?.()
  }
  /**
   * After changes, only once the map was opened this session: importance and clusters cost about
   * a second of CPU at 20,000 people, which someone who never opens the map should not pay for
   * every burst of edits (a keystroke's search would wait behind it).
   */
  let mapOpened = false
  store.onChange(() => {
    if (mapOpened) warmUpIn(WARM_UP_AFTER_CHANGE_MS)
  })
  warmUpIn(WARM_UP_AFTER_START_MS)

  const current = () => {
    if (behind()) {
      // Finishes a paused sliced sync too (which then stops where it was).
      network.sync(readToSync())
      slicing = false
    }
    return network
  }
  let metrics: Metrics | undefined
  const fresh = () => !behind() && metrics?.version === network.version
  const metricsNow = (): Metrics => {
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

  /** Brings graph and metrics up to date, pausing between slices for other requests. */
  const build = async (): Promise<void> => {
    for (let round = 0; round < MAX_ROUNDS && !fresh() && !stopped; round++) {
      if (behind()) {
        const steps = network.syncSteps(readToSync(), SLICE)
        slicing = true
        while (!steps.next().done) await pause()
        slicing = false
      }
      const version = network.version
      if (metrics?.version === version) continue
      await pause()
      if (behind() || network.version !== version) continue
      const importance = importanceOf(network)
      await pause()
      if (behind() || network.version !== version) continue
      metrics = { version, importance, clusters: clustersOf(network) }
    }
    // Still behind after a few rounds (changes keep coming): the rest in one go.
    if (!stopped) metricsNow()
  }
  let building: Promise<void> | null = null
  const ready = async (): Promise<Metrics> => {
    // A change can land while a build pauses, or just after it ends: check again each time.
    while (!fresh()) {
      building ??= build().finally(() => {
        building = null
      })
      await building
      if (stopped) throw new RapportError('STORE_UNAVAILABLE', 'The map is closed')
    }
    return metrics!
  }

  /** The answer for one revision of the store (positions and last contacts count too). */
  let answered: { revision: number; view: MapGraphView } | undefined
  const answer = ({ importance, clusters }: Metrics): MapGraphView => {
    if (answered?.revision === syncedRevision) return answered.view
    const data = store.read()
    const graph = network.graph
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
    const view = { version: network.version, nodes, edges, positions, clusterCount: clusters.count }
    answered = { revision: syncedRevision, view }
    return view
  }

  return {
    /** For tests and the benchmark. */
    network: current,

    /** The whole map; waits for a background build in progress rather than doing it at once. */
    async graph(): Promise<MapGraphView> {
      mapOpened = true
      const metrics = await ready()
      // No pause between `ready` and here: the graph is the one for the store as it is now.
      return answer(metrics)
    },

    /** Stops background builds (the core is closing). */
    stop(): void {
      stopped = true
      clearTimeout(warmUpTimer)
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
