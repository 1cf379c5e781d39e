import iterate from 'graphology-layout-forceatlas2/iterate.js'

/** Slots per node and per edge in ForceAtlas2's flat matrices (see its helpers.js). */
const PPN = 10
const PPE = 3

export interface LayoutInput {
  /** x0, y0, x1, y1, … */
  positions: Float32Array
  /** Index pairs: a0, b0, a1, b1, … */
  edges: Uint32Array
  /** Node indexes that must not move ("me" stays in the middle). */
  fixed: number[]
  /** Stop after this long even if not settled, so a huge network still shows something. */
  maxMs: number
  maxIterations: number
}

export interface LayoutProgress {
  positions: Float32Array
  iterations: number
  /** Mean movement per node in the last iteration, relative to the drawing's size. */
  movement: number
  converged: boolean
}

/**
 * Below this the picture no longer changes visibly: nodes move 0.2% of the drawing's size per
 * iteration on average, about a pixel on a map 600 pixels wide.
 */
const SETTLED = 0.002
/** …for this many iterations in a row, so one calm step does not end the layout. */
const SETTLED_RUN = 5

/** ForceAtlas2's own advice for a graph of this order (inferSettings), with Barnes-Hut early. */
export function settingsFor(order: number): Record<string, number | boolean> {
  return {
    linLogMode: false,
    outboundAttractionDistribution: false,
    adjustSizes: false,
    edgeWeightInfluence: 1,
    scalingRatio: 10,
    strongGravityMode: true,
    gravity: 0.05,
    slowDown: 1 + Math.log(Math.max(order, 1)),
    barnesHutOptimize: order > 500,
    // Coarser Barnes-Hut on large maps: twice as fast per iteration, no visible difference.
    barnesHutTheta: order > 2000 ? 1 : 0.6,
  }
}

/** How often the worker reports positions: each report costs the page a pass over the map. */
export function progressEveryMs(order: number): number {
  return Math.round(Math.min(3000, Math.max(120, order * 0.125)))
}

/**
 * Runs ForceAtlas2 from the given positions until the drawing settles (or time runs out),
 * calling `report` now and then with the positions so far. Pure computation: runs in the
 * layout worker and, for the benchmark, anywhere.
 */
export function runForceLayout(
  input: LayoutInput,
  report: (progress: LayoutProgress) => void = () => {},
  reportEveryMs = 120,
): LayoutProgress {
  const order = input.positions.length / 2
  const nodes = new Float32Array(order * PPN)
  for (let i = 0; i < order; i++) {
    const j = i * PPN
    nodes[j] = input.positions[2 * i]!
    nodes[j + 1] = input.positions[2 * i + 1]!
    nodes[j + 6] = 1 // mass: 1 + weighted degree, added below
    nodes[j + 7] = 1 // convergence
    nodes[j + 8] = 1 // size
  }
  for (const i of input.fixed) nodes[i * PPN + 9] = 1
  const edgeCount = input.edges.length / 2
  const edges = new Float32Array(edgeCount * PPE)
  for (let e = 0; e < edgeCount; e++) {
    const a = input.edges[2 * e]!
    const b = input.edges[2 * e + 1]!
    edges[e * PPE] = a * PPN
    edges[e * PPE + 1] = b * PPN
    edges[e * PPE + 2] = 1
    nodes[a * PPN + 6]! += 1
    nodes[b * PPN + 6]! += 1
  }
  const settings = settingsFor(order)
  const started = performance.now()
  let lastReport = started
  const before = new Float32Array(order * 2)
  let iterations = 0
  let calm = 0
  let movement = Infinity
  const positionsNow = () => {
    const out = new Float32Array(order * 2)
    for (let i = 0; i < order; i++) {
      out[2 * i] = nodes[i * PPN]!
      out[2 * i + 1] = nodes[i * PPN + 1]!
    }
    return out
  }
  while (order > 1 && edgeCount > 0 && iterations < input.maxIterations) {
    for (let i = 0; i < order; i++) {
      before[2 * i] = nodes[i * PPN]!
      before[2 * i + 1] = nodes[i * PPN + 1]!
    }
    iterate(settings, nodes, edges)
    iterations++
    let moved = 0
    let minX = Infinity
    let maxX = -Infinity
    let minY = Infinity
    let maxY = -Infinity
    for (let i = 0; i < order; i++) {
      const x = nodes[i * PPN]!
      const y = nodes[i * PPN + 1]!
      moved += Math.hypot(x - before[2 * i]!, y - before[2 * i + 1]!)
      if (x < minX) minX = x
      if (x > maxX) maxX = x
      if (y < minY) minY = y
      if (y > maxY) maxY = y
    }
    const extent = Math.max(maxX - minX, maxY - minY, 1e-9)
    movement = moved / order / extent
    calm = movement < SETTLED ? calm + 1 : 0
    if (calm >= SETTLED_RUN) break
    const now = performance.now()
    if (now - started > input.maxMs) break
    if (now - lastReport > reportEveryMs) {
      lastReport = now
      report({ positions: positionsNow(), iterations, movement, converged: false })
    }
  }
  return { positions: positionsNow(), iterations, movement, converged: calm >= SETTLED_RUN }
}
