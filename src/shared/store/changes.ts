/**
 * "Changed" events: after every durable change the core names the collections it touched, so
 * every open window or tab re-reads what it shows instead of only the page that made the change.
 * Desktop: over IPC on this channel; browser mode: server-sent events at /events.
 */
export const CHANGES_CHANNEL = 'rapport:changed'

/** What the preload exposes beside the contract: a subscription, nothing that sends. */
export interface ChangesBridge {
  subscribe(listener: (collections: string[]) => void): () => void
}
