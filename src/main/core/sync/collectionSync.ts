import type { SyncState } from '../../../shared/sync/syncModel'
import { nextTimestamp, type Clock } from '../clock'
import type { DataStore } from '../store/dataStore'
import { collectionMarkers } from './discovery'
import { listItems, multiget, syncCollection, type RemoteItem } from './davClient'
import type { DavTransport } from './transport'

/**
 * What changed on the server in one collection since the last sync, for any kind of item:
 * RFC 6578 sync-collection where the server has it, else the ctag, else every item's ETag.
 * Items whose ETag is the one Rapport last wrote or read are not changes.
 */
export interface RemoteChanges {
  /** Changed or new items with their bodies. */
  changed: { href: string; etag: string; data: string }[]
  /** Hrefs Rapport knew that are gone from the server. */
  removed: string[]
  /** What to keep as the collection's cursor once the run has finished. */
  cursor: { syncToken: string; ctag: string }
}

const BATCH = 100

export async function remoteChanges(
  dav: DavTransport,
  collectionUrl: string,
  kind: 'card' | 'cal',
  cursor: SyncState | undefined,
  known: ReadonlyMap<string, SyncState>,
): Promise<RemoteChanges> {
  const markers = await collectionMarkers(dav, collectionUrl)
  const nextCursor = { syncToken: markers.syncToken, ctag: markers.ctag }
  if (cursor) {
    const same = markers.syncToken
      ? markers.syncToken === cursor.syncToken
      : !!markers.ctag && markers.ctag === cursor.ctag
    if (same) return { changed: [], removed: [], cursor: nextCursor }
  }
  let items: RemoteItem[] | null = null
  let removed: string[] = []
  if (markers.syncToken) {
    let answer = await syncCollection(dav, collectionUrl, cursor?.syncToken ?? '')
    if (answer === 'tokenInvalid') answer = await syncCollection(dav, collectionUrl, '')
    if (answer !== 'unsupported' && answer !== 'tokenInvalid') {
      nextCursor.syncToken = answer.syncToken || markers.syncToken
      if (cursor?.syncToken && answer.removed) {
        items = answer.changed
        removed = answer.removed.filter((href) => known.has(href))
      } else {
        items = answer.changed
        removed = goneFrom(items, known)
      }
    }
  }
  if (!items) {
    items = await listItems(dav, collectionUrl)
    removed = goneFrom(items, known)
  }
  const fresh = items.filter((item) => !item.etag || known.get(item.href)?.etag !== item.etag)
  const changed: RemoteChanges['changed'] = []
  for (let i = 0; i < fresh.length; i += BATCH) {
    const batch = fresh.slice(i, i + BATCH)
    changed.push(
      ...(await multiget(
        dav,
        collectionUrl,
        kind,
        batch.map((item) => item.href),
      )),
    )
  }
  return { changed, removed, cursor: nextCursor }
}

function goneFrom(items: RemoteItem[], known: ReadonlyMap<string, SyncState>): string[] {
  const present = new Set(items.map((item) => item.href))
  return [...known.keys()].filter((href) => !present.has(href))
}

/**
 * After Rapport's own writes: the cursor may move past them only when nothing else changed in
 * between, otherwise the next run must still see the phone's change.
 */
export async function cursorAfterWrites(
  dav: DavTransport,
  collectionUrl: string,
  before: { syncToken: string; ctag: string },
  written: ReadonlyMap<string, string>,
  known: ReadonlyMap<string, SyncState>,
): Promise<{ syncToken: string; ctag: string }> {
  const markers = await collectionMarkers(dav, collectionUrl)
  const ours = (item: RemoteItem) =>
    written.get(item.href) === item.etag || known.get(item.href)?.etag === item.etag
  if (markers.syncToken && before.syncToken) {
    const answer = await syncCollection(dav, collectionUrl, before.syncToken)
    if (typeof answer === 'object') {
      const foreign = answer.changed.some((item) => !ours(item))
      const removedForeign = answer.removed?.some((href) => known.has(href) && !written.has(href))
      if (!foreign && !removedForeign) return { syncToken: answer.syncToken, ctag: markers.ctag }
    }
    return before
  }
  const items = await listItems(dav, collectionUrl)
  return items.every(ours) ? { syncToken: '', ctag: markers.ctag } : before
}

/** The sync state that holds a collection's cursor (sync token or ctag). */
export const collectionCursorId = (collectionUrl: string): string => `collection:${collectionUrl}`

/**
 * Ends a run on one collection: moves its cursor past Rapport's own writes (see
 * `cursorAfterWrites`) and saves it as the collection's sync state. Contacts and calendars
 * share it.
 */
export async function saveCollectionCursor(
  deps: { store: DataStore; clock: Clock; dav: DavTransport },
  collectionUrl: string,
  saved: SyncState | undefined,
  before: { syncToken: string; ctag: string },
  written: ReadonlyMap<string, string>,
  known: ReadonlyMap<string, SyncState>,
): Promise<void> {
  const next =
    written.size === 0
      ? before
      : await cursorAfterWrites(deps.dav, collectionUrl, before, written, known)
  await deps.store.update((tx) => {
    const now = nextTimestamp(deps.clock)
    tx.put('syncStates', {
      id: collectionCursorId(collectionUrl),
      createdAt: saved?.createdAt ?? now,
      updatedAt: now,
      kind: 'collection',
      recordId: collectionUrl,
      collectionUrl,
      href: '',
      etag: '',
      base: {},
      ...next,
    })
  })
}
