import type { ChangesBridge } from '../../../shared/store/changes'

declare global {
  interface Window {
    /** Set by the Electron preload beside `rapport`; absent in browser mode. */
    rapportChanges?: ChangesBridge
  }
}

type Listener = (collections: string[]) => void

const listeners = new Set<Listener>()
let connected = false

/** One connection for the whole page: the preload's subscription, or server-sent events. */
function connect(): void {
  connected = true
  const fanOut = (collections: string[]) => {
    for (const listener of listeners) listener(collections)
  }
  if (window.rapportChanges) {
    window.rapportChanges.subscribe(fanOut)
    return
  }
  if (typeof EventSource === 'undefined') return
  // Browser mode: the same-origin stream, signed in by the session cookie; the browser
  // reconnects by itself after the server restarts.
  const source = new EventSource('/events')
  source.addEventListener('changed', (event) => {
    try {
      const { collections } = JSON.parse((event as MessageEvent<string>).data) as {
        collections?: unknown
      }
      if (Array.isArray(collections)) fanOut(collections.filter((c) => typeof c === 'string'))
    } catch {
      // A malformed event changes nothing; the next one will do.
    }
  })
}

/**
 * Calls `listener` with the collections each durable change touched, whoever made it: this page,
 * another window or tab, or the phone sync. Returns the unsubscribe.
 */
export function onChanges(listener: Listener): () => void {
  listeners.add(listener)
  if (!connected) connect()
  return () => {
    listeners.delete(listener)
  }
}
