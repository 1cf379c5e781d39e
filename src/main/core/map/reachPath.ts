import type { NetworkGraph, NodeAttributes } from './networkGraph'
import { ME_KEY } from './networkGraph'

/**
 * The shortest chain of people from me to `target`: breadth-first over person nodes only, so a
 * path never "goes through" an event or a community (sharing a room is not knowing someone).
 * I know directly everyone I have met and everyone in my golden circle. Among equally short
 * chains, the one through closer tiers wins, since they are easier to ask.
 */
export function reachPath(network: NetworkGraph, target: string): string[] {
  const graph = network.graph
  if (!graph.hasNode(target)) return []
  if (target === ME_KEY) return [ME_KEY]
  const tierCost = { life: 0, close: 1, good: 2, outside: 3 } as const
  const cost = (key: string) => {
    const tier = graph.getNodeAttribute(key, 'tier')
    return tier ? tierCost[tier] : 0
  }
  const previous = new Map<string, string>([[ME_KEY, '']])
  let frontier = [ME_KEY]
  while (frontier.length > 0 && !previous.has(target)) {
    const next: string[] = []
    // Visiting closer people first makes them the parents of whoever they reach.
    frontier.sort((a, b) => cost(a) - cost(b))
    for (const key of frontier) {
      const visit = (neighbour: string, attributes: NodeAttributes) => {
        if (previous.has(neighbour)) return
        if (attributes.kind !== 'contact' && attributes.kind !== 'me') return
        previous.set(neighbour, key)
        next.push(neighbour)
      }
      if (key === ME_KEY) {
        graph.forEachNode((other, attributes) => {
          if (attributes.tier && attributes.tier !== 'outside') visit(other, attributes)
        })
      }
      graph.forEachNeighbor(key, visit)
    }
    frontier = next
  }
  if (!previous.has(target)) return []
  const path: string[] = []
  for (let key = target; key !== ''; key = previous.get(key)!) path.push(key)
  return path.reverse()
}
