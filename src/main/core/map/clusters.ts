import louvain from 'graphology-communities-louvain'
import type { NetworkGraph } from './networkGraph'
import { ME_KEY } from './networkGraph'
import { seededRandom } from '../../../shared/seededRandom'

/** A fixed seed, so the same network always gets the same clusters (and colours). */
const CLUSTER_SEED = 7

/**
 * Louvain clusters among people: "me" (linked to everyone I met) and event and community nodes
 * are left out, or they would pull everyone into their own cluster. Clusters are numbered by
 * size, largest first, so colour 0 is always the biggest group; people alone are -1.
 */
export function clustersOf(network: NetworkGraph): { cluster: Map<string, number>; count: number } {
  const people = network.graph.copy()
  people.dropNode(ME_KEY)
  people.forEachNode((key, attributes) => {
    if (attributes.kind !== 'contact') people.dropNode(key)
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
