import Graph from 'graphology'
import louvain from 'graphology-communities-louvain'
import type { NetworkGraph } from './networkGraph'
import { seededRandom } from '../../../shared/seededRandom'

/** A fixed seed, so the same network always gets the same clusters (and colours). */
const CLUSTER_SEED = 7

/**
 * Louvain clusters among people: "me" (linked to everyone I met) and event and community nodes
 * are left out, or they would pull everyone into their own cluster. Clusters are numbered by
 * size, largest first, so colour 0 is always the biggest group; people alone are -1.
 */
export function clustersOf(network: NetworkGraph): { cluster: Map<string, number>; count: number } {
  // Built directly, nodes then links in the network's own order, as copying the whole graph and
  // dropping the rest would give (Louvain's result depends on that order), without the copy.
  const graph = network.graph
  const people = new Graph({
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
  })
  graph.forEachNode((key, attributes) => {
    if (attributes.kind === 'contact') people.addNode(key)
  })
  graph.forEachEdge((key, _attributes, source, target) => {
    if (people.hasNode(source) && people.hasNode(target))
      people.addUndirectedEdgeWithKey(key, source, target)
  })
  const cluster = new Map<string, number>()
  if (people.size === 0) return { cluster, count: 0 }
  const raw = louvain(people, { rng: seededRandom(CLUSTER_SEED), getEdgeWeight: null })
  const sizes = new Map<number, number>()
  for (const key of Object.keys(raw)) {
    if (people.degree(key) > 0) sizes.set(raw[key]!, (sizes.get(raw[key]!) ?? 0) + 1)
  }
  const order = [...sizes.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0])
  const renumber = new Map(order.map(([id], i) => [id, i]))
  for (const [key, id] of Object.entries(raw)) {
    cluster.set(key, people.degree(key) > 0 ? (renumber.get(id) ?? -1) : -1)
  }
  return { cluster, count: order.length }
}
