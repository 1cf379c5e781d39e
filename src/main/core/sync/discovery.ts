import type { SyncDiscovery } from '../../../shared/sync/syncOperations'
import {
  hasChild,
  hrefsOf,
  NS,
  prop,
  propfind,
  selfEntry,
  textOf,
  type DavEntry,
} from './davClient'
import { SyncRemoteError, type DavTransport } from './transport'

/**
 * From the address the user typed to their address books and calendars: RFC 6764's
 * /.well-known/carddav and /caldav, then the current user's principal and its home sets.
 */

async function principalFrom(dav: DavTransport, start: string): Promise<string | null> {
  try {
    const { entries, url } = await propfind(dav, start, '0', '<d:current-user-principal/>')
    const href = hrefsOf(prop(selfEntry(dav, entries, url), NS.dav, 'current-user-principal'))[0]
    return href ? dav.resolve(href, url) : null
  } catch (error) {
    // A missing .well-known is normal; a wrong password or a broken network is not.
    if (
      error instanceof SyncRemoteError &&
      ['noCollection', 'notDav', 'server'].includes(error.reason)
    ) {
      return null
    }
    throw error
  }
}

async function homes(dav: DavTransport, principal: string) {
  const { entries, url } = await propfind(
    dav,
    principal,
    '0',
    '<card:addressbook-home-set/><cal:calendar-home-set/>',
  )
  const own = selfEntry(dav, entries, url)
  const resolve = (hrefs: string[]) => hrefs.map((h) => dav.resolve(h, url))
  return {
    addressBookHomes: resolve(hrefsOf(prop(own, NS.card, 'addressbook-home-set'))),
    calendarHomes: resolve(hrefsOf(prop(own, NS.cal, 'calendar-home-set'))),
  }
}

const COLLECTION_PROPS =
  '<d:resourcetype/><d:displayname/><cal:supported-calendar-component-set/><cs:getctag/><d:sync-token/>'

function isKind(entry: DavEntry, ns: string, name: string): boolean {
  return hasChild(prop(entry, NS.dav, 'resourcetype'), ns, name)
}

function displayName(entry: DavEntry, url: string): string {
  return (
    textOf(prop(entry, NS.dav, 'displayname')) ||
    decodeURIComponent(url.replace(/\/$/, '').split('/').pop() ?? url)
  )
}

function supportsTodo(entry: DavEntry): boolean {
  const set = prop(entry, NS.cal, 'supported-calendar-component-set')
  // No set means the server takes every component (RFC 4791 §5.2.3).
  if (!set) return true
  for (let node = set.firstChild; node; node = node.nextSibling) {
    const comp = node as unknown as {
      nodeType: number
      localName?: string
      getAttribute(n: string): string | null
    }
    if (
      comp.nodeType === 1 &&
      comp.localName === 'comp' &&
      comp.getAttribute('name')?.toUpperCase() === 'VTODO'
    ) {
      return true
    }
  }
  return false
}

export async function discover(dav: DavTransport): Promise<
  SyncDiscovery & {
    addressBookHomes: string[]
    calendarHomes: string[]
  }
> {
  const typed = dav.base.href
  const candidates = [
    typed,
    new URL('/.well-known/carddav', typed).href,
    new URL('/.well-known/caldav', typed).href,
  ]
  let principal: string | null = null
  for (const start of candidates) {
    principal = await principalFrom(dav, start)
    if (principal) break
  }
  if (!principal) {
    // The typed address may be a collection or a home itself (some servers have no principal).
    throw new SyncRemoteError(
      'notDav',
      `${dav.origin} did not answer as a CardDAV/CalDAV server (no current-user-principal)`,
    )
  }
  const found = await homes(dav, principal)
  if (found.addressBookHomes.length === 0 && found.calendarHomes.length === 0) {
    throw new SyncRemoteError(
      'notDav',
      `${dav.origin} has no address books or calendars for this user`,
    )
  }
  const addressBooks: SyncDiscovery['addressBooks'] = []
  const calendars: SyncDiscovery['calendars'] = []
  for (const home of new Set([...found.addressBookHomes, ...found.calendarHomes])) {
    const { entries, url } = await propfind(dav, home, '1', COLLECTION_PROPS)
    for (const entry of entries) {
      const entryUrl = dav.resolve(entry.href, url)
      if (isKind(entry, NS.card, 'addressbook') && !addressBooks.some((b) => b.url === entryUrl)) {
        addressBooks.push({ url: entryUrl, name: displayName(entry, entryUrl) })
      }
      if (isKind(entry, NS.cal, 'calendar') && !calendars.some((c) => c.url === entryUrl)) {
        calendars.push({
          url: entryUrl,
          name: displayName(entry, entryUrl),
          supportsTodo: supportsTodo(entry),
        })
      }
    }
  }
  return { principalUrl: principal, addressBooks, calendars, ...found }
}

/** A collection's change markers: its sync-token (RFC 6578) and ctag (calendarserver). */
export async function collectionMarkers(
  dav: DavTransport,
  url: string,
): Promise<{ syncToken: string; ctag: string; supportsTodo: boolean }> {
  const { entries } = await propfind(dav, url, '0', COLLECTION_PROPS)
  const own = selfEntry(dav, entries, url)
  if (!own)
    throw new SyncRemoteError(
      'noCollection',
      `${dav.origin} has no collection at ${new URL(url).pathname}`,
    )
  return {
    syncToken: textOf(prop(own, NS.dav, 'sync-token')),
    ctag: textOf(prop(own, NS.cs, 'getctag')),
    supportsTodo: supportsTodo(own),
  }
}
