/// <reference lib="webworker" />
import { runForceLayout, type LayoutInput } from './forceLayout'

/** Messages from the worker: progress while it runs, then the settled positions. */
export type LayoutMessage =
  | { type: 'progress'; positions: Float32Array; iterations: number }
  | {
      type: 'done'
      positions: Float32Array
      iterations: number
      converged: boolean
      ms: number
    }

// ForceAtlas2 runs here so the map stays responsive while the picture settles.
self.onmessage = (event: MessageEvent<LayoutInput>) => {
  const started = performance.now()
  const post = (message: LayoutMessage) => self.postMessage(message)
  // Each progress report redraws the map on the main thread; on a large map that competes with
  // this worker for the CPU, so report less often there.
  const large = event.data.positions.length / 2 > 2000
  const result = runForceLayout(
    event.data,
    (progress) =>
      post({ type: 'progress', positions: progress.positions, iterations: progress.iterations }),
    large ? 700 : 120,
  )
  post({
    type: 'done',
    positions: result.positions,
    iterations: result.iterations,
    converged: result.converged,
    ms: performance.now() - started,
  })
}
