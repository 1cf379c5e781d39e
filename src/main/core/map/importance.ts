import pagerank from 'graphology-metrics/centrality/pagerank.js'
import type { NetworkGraph } from './networkGraph'
import { ME_KEY } from './networkGraph'

export interface Importance {
  score: number
  degree: number
  mentions: number
}

/** How much each signal counts; mentions are the method's "core person" radar. */
const WEIGHTS = { pagerank: 0.45, degree: 0.25, mentions: 0.3 }

/**
 * Importance of every node, 0..1: PageRank (who is connected to the connected), degree and how
 * often others said "you should meet them", each scaled to the largest value so one very
 * connected person does not flatten the rest. "me" is left out of the scaling: I am linked to
 * everyone I met, and would otherwise dwarf the network.
 */
export function importanceOf(network: NetworkGraph): Map<string, Importance> {
  const graph = network.graph
  let ranks: Record<string, number> = {}
  if (graph.size > 0) {
    try {
      ranks = pagerank(graph, { getEdgeWeight: null, maxIterations: 200, tolerance: 1e-6 })
    } catch {
      // No convergence on an odd shape: degree and mentions still say enough.
      ranks = {}
    }
  }
  // PageRank gives even a loner the teleport share; measuring from the lowest rank makes a
  // person with no ties weigh nothing.
  let minRank = Infinity
  let maxRank = 0
  let maxDegree = 0
  let maxMentions = 0
  graph.forEachNode((key) => {
    if (key === ME_KEY) return
    minRank = Math.min(minRank, ranks[key] ?? 0)
    maxRank = Math.max(maxRank, ranks[key] ?? 0)
    maxDegree = Math.max(maxDegree, graph.degree(key))
    maxMentions = Math.max(maxMentions, network.mentionsOf(key))
  })
  const scale = (value: number, max: number) => (max > 0 ? value / max : 0)
  const result = new Map<string, Importance>()
  graph.forEachNode((key) => {
    const degree = graph.degree(key)
    const mentions = network.mentionsOf(key)
    const score =
      key === ME_KEY
        ? 1
        : WEIGHTS.pagerank * scale((ranks[key] ?? minRank) - minRank, maxRank - minRank) +
          WEIGHTS.degree * scale(degree, maxDegree) +
          WEIGHTS.mentions * scale(mentions, maxMentions)
    result.set(key, { score: Math.min(1, score), degree, mentions })
  })
  return result
}
