/**
 * Browser mode talks to Rapport's local server over HTTP. When the server stops (Ctrl+C, a
 * crash, a restart), calls fail in one of two ways the user can act on: nothing answers
 * (start it again), or it answers but no longer knows this page's session cookie (it was
 * restarted: open the new address it printed). The HTTP bridge reports which; the banner shows it.
 */
export type ConnectionProblem = 'serverDown' | 'sessionEnded'

let problem: ConnectionProblem | null = null
const listeners = new Set<(problem: ConnectionProblem | null) => void>()

export function connectionProblem(): ConnectionProblem | null {
  return problem
}

export function reportConnection(next: ConnectionProblem | null): void {
  if (next === problem) return
  const wasDown = problem !== null
  problem = next
  for (const listener of listeners) listener(problem)
  // Back after an outage: pages load their data again, without reloading the whole app.
  if (wasDown && next === null) window.dispatchEvent(new Event(RECONNECTED_EVENT))
}

export function onConnectionChange(listener: (problem: ConnectionProblem | null) => void) {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** Dispatched on window when the server answers again after an outage. */
export const RECONNECTED_EVENT = 'rapport:reconnected'
