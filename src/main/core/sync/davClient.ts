import { DOMParser, type Element } from '@xmldom/xmldom'
import { readItemListing } from './multistatusStream'
import { SyncRemoteError, type DavTransport } from './transport'

/**
 * The WebDAV requests sync needs (RFC 4918, 6352 CardDAV, 4791 CalDAV, 6578 sync-collection),
 * answered as plain values. XML is read namespace-aware with @xmldom/xmldom, so any prefix a
 * server picks works.
 */

export const NS = {
  dav: 'DAV:',
  card: 'urn:ietf:params:xml:ns:carddav',
  cal: 'urn:ietf:params:xml:ns:caldav',
  cs: 'http://calendarserver.org/ns/',
} as const

export interface DavProps {
  /** Found properties by `{namespace}localName`. */
  found: Map<string, Element>
}

export interface DavEntry {
  href: string
  /** The response's own status (sync-collection reports removals as 404), else 200. */
  status: number
  props: Map<string, Element>
}

const key = (ns: string, name: string) => `{${ns}}${name}`

function statusCode(text: string | null | undefined): number {
  const match = /HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(text ?? '')
  return match ? Number(match[1]) : 200
}

function children(element: Element, ns: string, name: string): Element[] {
  const out: Element[] = []
  for (let node = element.firstChild; node; node = node.nextSibling) {
    const child = node as Element
    if (child.nodeType === 1 && child.namespaceURI === ns && child.localName === name) {
      out.push(child)
    }
  }
  return out
}

export function textOf(element: Element | undefined): string {
  return (element?.textContent ?? '').trim()
}

/** The hrefs inside a property such as current-user-principal or addressbook-home-set. */
export function hrefsOf(element: Element | undefined): string[] {
  if (!element) return []
  return children(element, NS.dav, 'href').map((h) => textOf(h))
}

export function hasChild(element: Element | undefined, ns: string, name: string): boolean {
  return !!element && children(element, ns, name).length > 0
}

export function parseMultistatus(
  text: string,
  origin: string,
): { entries: DavEntry[]; syncToken: string } {
  let root: Element | null
  try {
    const doc = new DOMParser({ onError: () => undefined }).parseFromString(text, 'application/xml')
    root = doc.documentElement as Element | null
  } catch {
    root = null
  }
  if (!root || root.namespaceURI !== NS.dav || root.localName !== 'multistatus') {
    throw new SyncRemoteError('notDav', `${origin} did not answer as a CardDAV/CalDAV server`)
  }
  const entries: DavEntry[] = []
  for (const response of children(root, NS.dav, 'response')) {
    const href = textOf(children(response, NS.dav, 'href')[0])
    const status = statusCode(children(response, NS.dav, 'status')[0]?.textContent)
    const props = new Map<string, Element>()
    for (const propstat of children(response, NS.dav, 'propstat')) {
      if (statusCode(children(propstat, NS.dav, 'status')[0]?.textContent) !== 200) continue
      for (const prop of children(propstat, NS.dav, 'prop')) {
        for (let node = prop.firstChild; node; node = node.nextSibling) {
          const el = node as Element
          if (el.nodeType === 1) props.set(key(el.namespaceURI ?? '', el.localName ?? ''), el)
        }
      }
    }
    entries.push({ href, status, props })
  }
  const syncToken = textOf(children(root, NS.dav, 'sync-token')[0])
  return { entries, syncToken }
}

export const prop = (entry: DavEntry | undefined, ns: string, name: string) =>
  entry?.props.get(key(ns, name))

const XML_HEAD = '<?xml version="1.0" encoding="utf-8"?>'

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)
}

function failFor(status: number, origin: string, what: string): SyncRemoteError {
  if (status === 403) return new SyncRemoteError('forbidden', `${origin} forbids ${what}`, 403)
  if (status === 404) return new SyncRemoteError('noCollection', `${origin} has no ${what}`, 404)
  if (status === 405 || status === 501)
    return new SyncRemoteError('notDav', `${origin} does not take ${what}`, status)
  return new SyncRemoteError('server', `${origin} answered ${status} to ${what}`, status)
}

export async function propfind(
  dav: DavTransport,
  href: string,
  depth: '0' | '1',
  props: string,
): Promise<{ entries: DavEntry[]; url: string }> {
  const response = await dav.request('PROPFIND', href, {
    headers: { Depth: depth },
    body: `${XML_HEAD}<d:propfind xmlns:d="DAV:" xmlns:card="${NS.card}" xmlns:cal="${NS.cal}" xmlns:cs="${NS.cs}"><d:prop>${props}</d:prop></d:propfind>`,
  })
  if (response.status !== 207) throw failFor(response.status, dav.origin, `PROPFIND ${href}`)
  return { entries: parseMultistatus(response.text, dav.origin).entries, url: response.url }
}

/** The entry of a PROPFIND answer that describes `url` itself. */
export function selfEntry(
  dav: DavTransport,
  entries: DavEntry[],
  url: string,
): DavEntry | undefined {
  const path = (href: string) => new URL(dav.resolve(href, url)).pathname.replace(/\/$/, '')
  const own = path(url)
  return entries.find((e) => path(e.href) === own) ?? entries[0]
}

export interface RemoteItem {
  href: string
  etag: string
}

export interface CollectionChanges {
  /** Items new or changed since the token (or all items, without one). */
  changed: RemoteItem[]
  /** Hrefs gone since the token; with a full listing, null (the caller compares). */
  removed: string[] | null
  syncToken: string
}

/** RFC 6578: what changed since `token`; an empty token lists everything. */
export async function syncCollection(
  dav: DavTransport,
  collectionUrl: string,
  token: string,
): Promise<CollectionChanges | 'tokenInvalid' | 'unsupported'> {
  const response = await dav.request('REPORT', collectionUrl, {
    headers: { Depth: '1' },
    body: `${XML_HEAD}<d:sync-collection xmlns:d="DAV:"><d:sync-token>${escapeXml(token)}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`,
  })
  if (response.status === 403 || response.status === 409) {
    return token && /valid-sync-token/.test(response.text) ? 'tokenInvalid' : 'unsupported'
  }
  if (response.status === 400 || response.status === 405 || response.status === 501)
    return 'unsupported'
  if (response.status !== 207) throw failFor(response.status, dav.origin, 'sync-collection')
  const { items, syncToken } = await readItemListing(response.text, dav.origin)
  const own = new URL(collectionUrl).pathname
  const changed: RemoteItem[] = []
  const removed: string[] = []
  for (const item of items) {
    const url = dav.resolve(item.href, collectionUrl)
    if (new URL(url).pathname === own) continue
    if (item.status === 404) removed.push(url)
    else changed.push({ href: url, etag: item.etag })
  }
  return { changed, removed, syncToken }
}

/** Every item of a collection with its ETag (servers without sync-collection). */
export async function listItems(dav: DavTransport, collectionUrl: string): Promise<RemoteItem[]> {
  const response = await dav.request('PROPFIND', collectionUrl, {
    headers: { Depth: '1' },
    body: `${XML_HEAD}<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>`,
  })
  if (response.status !== 207) throw failFor(response.status, dav.origin, 'PROPFIND')
  const own = new URL(collectionUrl).pathname
  const { items } = await readItemListing(response.text, dav.origin)
  return items
    .map((item) => ({ href: dav.resolve(item.href, collectionUrl), etag: item.etag }))
    .filter((item) => new URL(item.href).pathname !== own)
}

/** The bodies of many items in one request (addressbook-multiget / calendar-multiget). */
export async function multiget(
  dav: DavTransport,
  collectionUrl: string,
  kind: 'card' | 'cal',
  hrefs: string[],
): Promise<{ href: string; etag: string; data: string }[]> {
  if (hrefs.length === 0) return []
  const ns = kind === 'card' ? NS.card : NS.cal
  const report = kind === 'card' ? 'addressbook-multiget' : 'calendar-multiget'
  const dataProp = kind === 'card' ? 'address-data' : 'calendar-data'
  const body =
    `${XML_HEAD}<x:${report} xmlns:d="DAV:" xmlns:x="${ns}"><d:prop><d:getetag/><x:${dataProp}/></d:prop>` +
    hrefs.map((h) => `<d:href>${escapeXml(new URL(h).pathname)}</d:href>`).join('') +
    `</x:${report}>`
  const response = await dav.request('REPORT', collectionUrl, { headers: { Depth: '1' }, body })
  if (response.status !== 207) throw failFor(response.status, dav.origin, report)
  const { items } = await readItemListing(response.text, dav.origin)
  return items
    .filter((item) => item.status === 200 && item.data)
    .map((item) => ({
      href: dav.resolve(item.href, collectionUrl),
      etag: item.etag,
      data: item.data,
    }))
}

export type PutResult = { ok: true; etag: string } | { ok: false; status: 412 }

/** PUT with If-Match (an update) or If-None-Match: * (a create); 412 means someone wrote first. */
export async function putItem(
  dav: DavTransport,
  href: string,
  body: string,
  contentType: string,
  etag: string | null,
): Promise<PutResult> {
  const response = await dav.request('PUT', href, {
    headers: {
      'Content-Type': contentType,
      ...(etag ? { 'If-Match': etag } : { 'If-None-Match': '*' }),
    },
    body,
  })
  if (response.status === 412) return { ok: false, status: 412 }
  if (response.status < 200 || response.status >= 300) {
    throw failFor(response.status, dav.origin, `PUT ${new URL(href).pathname}`)
  }
  let newEtag = response.headers.get('etag') ?? ''
  if (!newEtag) {
    // Some servers change the body on write and then send no ETag: ask for it.
    const { entries } = await propfind(dav, href, '0', '<d:getetag/>')
    newEtag = textOf(prop(entries[0], NS.dav, 'getetag'))
  }
  return { ok: true, etag: newEtag }
}

export async function deleteItem(
  dav: DavTransport,
  href: string,
  etag: string,
): Promise<'deleted' | 'gone' | 412> {
  const response = await dav.request('DELETE', href, { headers: etag ? { 'If-Match': etag } : {} })
  if (response.status === 412) return 412
  if (response.status === 404) return 'gone'
  if (response.status < 200 || response.status >= 300) {
    throw failFor(response.status, dav.origin, `DELETE ${new URL(href).pathname}`)
  }
  return 'deleted'
}

export async function getItem(
  dav: DavTransport,
  href: string,
): Promise<{ etag: string; data: string } | null> {
  const response = await dav.request('GET', href)
  if (response.status === 404) return null
  if (response.status !== 200)
    throw failFor(response.status, dav.origin, `GET ${new URL(href).pathname}`)
  return { etag: response.headers.get('etag') ?? '', data: response.text }
}

/**
 * Deletes an item with If-Match; when it changed meanwhile (412) it reads the new ETag and tries
 * again, up to `attempts` times. An item already gone counts as deleted.
 */
export async function deleteWithRetry(
  dav: DavTransport,
  href: string,
  etag: string,
  attempts: number,
): Promise<void> {
  let current = etag
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const result = await deleteItem(dav, href, current)
    if (result !== 412) return
    const fresh = await getItem(dav, href)
    if (!fresh) return
    current = fresh.etag
  }
}

/** Creates an address book (extended MKCOL, RFC 5689) or a calendar (MKCALENDAR). */
export async function makeCollection(
  dav: DavTransport,
  href: string,
  kind: 'card' | 'cal',
  name: string,
): Promise<void> {
  const display = `<d:displayname>${escapeXml(name)}</d:displayname>`
  const response =
    kind === 'card'
      ? await dav.request('MKCOL', href, {
          body: `${XML_HEAD}<d:mkcol xmlns:d="DAV:" xmlns:card="${NS.card}"><d:set><d:prop><d:resourcetype><d:collection/><card:addressbook/></d:resourcetype>${display}</d:prop></d:set></d:mkcol>`,
        })
      : await dav.request('MKCALENDAR', href, {
          body: `${XML_HEAD}<cal:mkcalendar xmlns:d="DAV:" xmlns:cal="${NS.cal}"><d:set><d:prop>${display}<cal:supported-calendar-component-set><cal:comp name="VEVENT"/><cal:comp name="VTODO"/></cal:supported-calendar-component-set></d:prop></d:set></cal:mkcalendar>`,
        })
  if (response.status === 405 || response.status === 409) {
    // Servers say "already there" with either; make sure it is a collection of the right kind.
    const { entries } = await propfind(dav, href, '0', '<d:resourcetype/>')
    const type = prop(entries[0], NS.dav, 'resourcetype')
    const wanted =
      kind === 'card' ? hasChild(type, NS.card, 'addressbook') : hasChild(type, NS.cal, 'calendar')
    if (wanted) return
  }
  if (response.status < 200 || response.status >= 300) {
    throw failFor(response.status, dav.origin, `creating ${new URL(href).pathname}`)
  }
}
