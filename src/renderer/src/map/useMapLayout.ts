import { useCallback, useEffect, useRef, useState } from 'react'
import type { MapGraphView } from '../../../shared/map/mapOperations'
import type { LayoutInput } from './forceLayout'
import type { LayoutMessage } from './layoutWorker'
import { randomPlacement, ringPlacement } from './placement'

export type Positions = Map<string, [number, number]>

export interface LayoutStatus {
  state: 'laying' | 'stable' | 'failed'
  /** Worker time of the last layout; null when kept positions were simply reused. */
  ms: number | null
  iterations: number
  converged: boolean
  error?: string
}

/** Where a layout starts: kept positions where there are some, else the ring placement. */
export type Start = 'kept' | 'rings' | 'random'

const MAX_MS = 4000
const MAX_ITERATIONS = 1500

/**
 * Where the map starts: kept positions where there are some, the rest (or, for a fresh start,
 * everyone) from the placement. Cheap (one pass), so the first picture needs no layout.
 */
export function startPositions(view: MapGraphView, from: Start): Positions {
  const placed =
    from === 'random' ? randomPlacement(view) : from === 'rings' ? ringPlacement(view) : null
  const fallback = placed ?? ringPlacement(view)
  const positions: Positions = new Map()
  for (const node of view.nodes) {
    const kept = from === 'kept' ? view.positions[node.key] : undefined
    positions.set(node.key, kept ?? fallback.get(node.key) ?? [0, 0])
  }
  return positions
}

/**
 * The map's free-layout positions. Reopening with every node's kept position shows them as is;
 * otherwise ForceAtlas2 runs in a web worker from the kept positions (new nodes placed on the
 * rings) until the picture settles, then the positions are kept through `save`.
 */
export function useMapLayout(
  view: MapGraphView,
  start: Start,
  /** `startPositions(view, start)`, already drawn by the page. */
  initial: Positions,
  onPositions: (positions: Positions) => void,
  save: (positions: Record<string, [number, number]>) => Promise<void>,
) {
  const [status, setStatus] = useState<LayoutStatus>(() =>
    start === 'kept' && view.nodes.every((n) => view.positions[n.key])
      ? { state: 'stable', ms: null, iterations: 0, converged: true }
      : { state: 'laying', ms: null, iterations: 0, converged: false },
  )
  const worker = useRef<Worker | null>(null)
  const latest = useRef({ onPositions, save })
  useEffect(() => {
    latest.current = { onPositions, save }
  })

  const run = useCallback(
    /** `initialRun`: the status already says what this first run will do. */
    (from: Start, initialRun = false) => {
      worker.current?.terminate()
      const positions = initialRun ? initial : startPositions(view, from)
      const keys = view.nodes.map((n) => n.key)
      const missing = from === 'kept' ? keys.filter((k) => !view.positions[k]).length : keys.length
      latest.current.onPositions(positions)
      if (from === 'kept' && missing === 0) {
        if (!initialRun) setStatus({ state: 'stable', ms: null, iterations: 0, converged: true })
        return
      }
      const index = new Map(keys.map((k, i) => [k, i]))
      const xy = new Float32Array(keys.length * 2)
      keys.forEach((k, i) => {
        const at = positions.get(k)!
        xy[2 * i] = at[0]
        xy[2 * i + 1] = at[1]
      })
      const edges = new Uint32Array(view.edges.length * 2)
      view.edges.forEach(([a, b], e) => {
        edges[2 * e] = index.get(a)!
        edges[2 * e + 1] = index.get(b)!
      })
      const input: LayoutInput = {
        positions: xy,
        edges,
        fixed: index.has('me') ? [index.get('me')!] : [],
        maxMs: MAX_MS,
        maxIterations: MAX_ITERATIONS,
      }
      if (!initialRun) setStatus({ state: 'laying', ms: null, iterations: 0, converged: false })
      const toMap = (flat: Float32Array): Positions =>
        new Map(keys.map((k, i) => [k, [flat[2 * i]!, flat[2 * i + 1]!]]))
      let w: Worker
      try {
        w = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' })
      } catch (error) {
        const failed = (error as Error).message
        queueMicrotask(() =>
          setStatus({ state: 'failed', ms: null, iterations: 0, converged: false, error: failed }),
        )
        return
      }
      worker.current = w
      w.onmessage = (event: MessageEvent<LayoutMessage>) => {
        const message = event.data
        const next = toMap(message.positions)
        latest.current.onPositions(next)
        if (message.type !== 'done') return
        w.terminate()
        worker.current = null
        const record: Record<string, [number, number]> = {}
        for (const [k, [x, y]] of next) record[k] = [x, y]
        setStatus({
          state: 'stable',
          ms: Math.round(message.ms),
          iterations: message.iterations,
          converged: message.converged,
        })
        void latest.current.save(record)
      }
      w.onerror = (event) => {
        setStatus({
          state: 'failed',
          ms: null,
          iterations: 0,
          converged: false,
          error: event.message,
        })
      }
      w.postMessage(input, [xy.buffer, edges.buffer])
    },
    [view, initial],
  )

  useEffect(() => {
    // Starting the worker is the external system this effect syncs with; on this first run
    // `run` sets state only from the worker's messages (see `initial`).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    run(start, true)
    return () => worker.current?.terminate()
  }, [run, start])

  return { status, relayout: () => run('rings') }
}
