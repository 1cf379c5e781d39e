// Plain query-core, not react-query: nothing here needs React, and its tests run in Node.
import type { Query, QueryClient, QueryKey } from '@tanstack/query-core'
import { collectionNames, type CollectionName } from '../../../shared/store/storeData'

/**
 * Every query's key starts with its feature and what it reads, then the input it depends on:
 * `['contacts', 'card', id]`. The first two parts name an entry of `queryDependencies`.
 */
export const queryKeys = {
  eventList: () => ['events', 'list'] as const,
  eventNames: () => ['events', 'names'] as const,
  event: (id: string) => ['events', 'view', id] as const,
  targetsOf: (contactId: string) => ['events', 'targetsOf', contactId] as const,
  communityList: () => ['communities', 'list'] as const,
  communityNames: () => ['communities', 'names'] as const,
  community: (id: string) => ['communities', 'view', id] as const,
  /** The communities page: each community's summary and the gatherings. */
  communitySummaries: () => ['communities', 'summaries'] as const,
  gathering: (id: string) => ['gatherings', 'view', id] as const,
  contactSearch: (request: string) => ['contacts', 'search', request] as const,
  card: (id: string) => ['contacts', 'card', id] as const,
  duplicates: () => ['contacts', 'duplicates'] as const,
  dismissedDuplicates: () => ['contacts', 'dismissedDuplicates'] as const,
  review: () => ['contacts', 'review'] as const,
  mapGraph: () => ['map', 'graph'] as const,
  mapSuggestions: () => ['map', 'suggestions'] as const,
  mapBalance: () => ['map', 'balance'] as const,
  queue: () => ['followUps', 'queue'] as const,
  overview: () => ['followUps', 'overview'] as const,
  sync: () => ['sync', 'state'] as const,
  setAside: () => ['store', 'setAside'] as const,
  backups: () => ['backups', 'list'] as const,
}

/** The records of the network: a view that joins people, meetings and groups reads them all. */
const NETWORK: readonly CollectionName[] = [
  'contacts',
  'events',
  'encounters',
  'followUps',
  'communities',
  'gatherings',
  'relationships',
  'helps',
]

/**
 * The collections each kind of query reads, by the first two parts of its key. A kind missing
 * here, or marked 'all', is read again after any change. Settings (the language, the phone
 * region) shape many answers, so a change to them refreshes everything.
 */
export const queryDependencies: Record<string, readonly CollectionName[] | 'all'> = {
  'events/list': ['events', 'encounters'],
  'events/names': ['events'],
  'events/view': NETWORK,
  'events/targetsOf': NETWORK,
  'communities/list': ['communities'],
  'communities/names': ['communities'],
  'communities/view': NETWORK,
  'communities/summaries': NETWORK,
  'gatherings/view': NETWORK,
  // The overdue filter and flag come from follow-ups and conversations.
  'contacts/search': ['contacts', 'events', 'encounters', 'communities', 'followUps'],
  'contacts/card': NETWORK,
  'contacts/duplicates': ['contacts', 'duplicateDismissals'],
  'contacts/dismissedDuplicates': ['contacts', 'duplicateDismissals'],
  'contacts/review': NETWORK,
  // Not mapLayouts: the map saving its own layout must not rebuild the whole picture.
  'map/graph': NETWORK,
  'map/suggestions': NETWORK,
  'map/balance': NETWORK,
  'followUps/queue': NETWORK,
  'followUps/overview': NETWORK,
  'sync/state': ['syncStates', 'syncLog', 'syncConflicts'],
  // Neither lives in a collection: the set-aside records and the backup files.
  'store/setAside': 'all',
  'backups/list': 'all',
}

const known = new Set<string>(collectionNames)

/** Whether a change that touched `collections` can alter the answer of the query at `key`. */
export function isAffected(key: QueryKey, collections: readonly string[]): boolean {
  // No names, '*' (a reload or a restore), settings, or a collection this page does not know:
  // anything may differ.
  if (collections.length === 0) return true
  if (collections.some((c) => !known.has(c))) return true
  const reads = queryDependencies[`${String(key[0])}/${String(key[1])}`]
  if (reads === undefined || reads === 'all') return true
  return collections.some((c) => (reads as readonly string[]).includes(c))
}

type Watcher = { key: QueryKey; refresh: () => void }
const watchers = new Set<Watcher>()

/**
 * For data kept outside the query cache (the windowed contacts list): `refresh` runs whenever
 * a change affects `key`, by the same rules as the cached queries. Returns the unsubscribe.
 */
export function watchQueryKey(key: QueryKey, refresh: () => void): () => void {
  const watcher = { key, refresh }
  watchers.add(watcher)
  return () => void watchers.delete(watcher)
}

/** Marks the queries a change affects as stale; those on screen read again at once. */
export function invalidateForChanges(
  client: QueryClient,
  collections: readonly string[],
): Promise<void> {
  for (const watcher of watchers) if (isAffected(watcher.key, collections)) watcher.refresh()
  const affected = (query: Query) => isAffected(query.queryKey, collections)
  // A read on its way may have been answered before the change. TanStack restarts such reads
  // only for queries that already hold data; a first read on screen is restarted here, else its
  // older answer would stay until the next change.
  for (const query of client
    .getQueryCache()
    .findAll({ predicate: affected, fetchStatus: 'fetching' }))
    if (query.state.data === undefined && query.isActive()) void query.cancel({ silent: true })
  return client.invalidateQueries({ predicate: affected })
}

/** Changes that arrive this close together are read once. */
export const CHANGE_SETTLE_MS = 120

/**
 * Follows the core's change events: a burst of them (an import, a sync) becomes one
 * invalidation of everything any of them touched. Returns the unsubscribe.
 */
export function followChanges(
  client: QueryClient,
  subscribe: (listener: (collections: string[]) => void) => () => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending = new Set<string>()
  let everything = false
  const unsubscribe = subscribe((collections) => {
    if (collections.length === 0) everything = true
    for (const c of collections) pending.add(c)
    clearTimeout(timer)
    timer = setTimeout(() => {
      const touched = everything ? [] : [...pending]
      pending = new Set()
      everything = false
      void invalidateForChanges(client, touched)
    }, CHANGE_SETTLE_MS)
  })
  return () => {
    clearTimeout(timer)
    unsubscribe()
  }
}
