import sax from 'sax'
import { SyncRemoteError } from './transport'

/**
 * Reads the item listings of large collections (sync-collection, PROPFIND of ETags, multiget)
 * with the sax streaming parser, a slice at a time, giving the event loop back between slices:
 * a DOM parse of 15,000 entries holds it for well over a second.
 */

export interface ListedItem {
  href: string
  /** The response's own status (sync-collection reports removals as 404), else 200. */
  status: number
  etag: string
  /** address-data or calendar-data, when asked for. */
  data: string
}

const DAV = 'DAV:'
const DATA_NAMESPACES = new Set(['urn:ietf:params:xml:ns:carddav', 'urn:ietf:params:xml:ns:caldav'])
const SLICE = 64 * 1024

function statusCode(text: string): number {
  const match = /HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(text)
  return match ? Number(match[1]) : 200
}

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

export async function readItemListing(
  text: string,
  origin: string,
): Promise<{ items: ListedItem[]; syncToken: string }> {
  const parser = sax.parser(true, { xmlns: true, trim: false })
  const items: ListedItem[] = []
  let syncToken = ''
  const stack: { uri: string; local: string }[] = []
  let current: ListedItem | null = null
  let propstatStatus = 200
  let propstat: { etag: string; data: string } | null = null
  let textBuffer = ''
  let rootSeen = false
  let failed: Error | null = null

  parser.onerror = (error) => {
    failed = error
    parser.resume()
  }
  parser.onopentag = (tag) => {
    const { uri, local } = tag as sax.QualifiedTag
    if (!rootSeen) {
      rootSeen = true
      if (uri !== DAV || local !== 'multistatus') failed = new Error('not a multistatus')
    }
    stack.push({ uri, local })
    textBuffer = ''
    if (uri === DAV && local === 'response') current = { href: '', status: 200, etag: '', data: '' }
    if (uri === DAV && local === 'propstat') propstat = { etag: '', data: '' }
  }
  const onText = (value: string) => {
    textBuffer += value
  }
  parser.ontext = onText
  parser.oncdata = onText
  parser.onclosetag = () => {
    const closed = stack.pop()
    if (!closed) return
    const parent = stack[stack.length - 1]
    const { uri, local } = closed
    const value = textBuffer
    textBuffer = ''
    if (uri === DAV && local === 'href' && parent?.local === 'response' && current) {
      current.href = value.trim()
    } else if (uri === DAV && local === 'status' && parent?.local === 'response' && current) {
      current.status = statusCode(value)
    } else if (uri === DAV && local === 'status' && parent?.local === 'propstat') {
      propstatStatus = statusCode(value)
    } else if (uri === DAV && local === 'getetag' && propstat) {
      propstat.etag = value.trim()
    } else if (DATA_NAMESPACES.has(uri) && /-data$/.test(local) && propstat) {
      propstat.data = value
    } else if (uri === DAV && local === 'propstat' && current && propstat) {
      if (propstatStatus === 200) {
        if (propstat.etag) current.etag = propstat.etag
        if (propstat.data) current.data = propstat.data
      }
      propstat = null
      propstatStatus = 200
    } else if (uri === DAV && local === 'response' && current) {
      items.push(current)
      current = null
    } else if (uri === DAV && local === 'sync-token' && parent?.local === 'multistatus') {
      syncToken = value.trim()
    }
  }

  for (let offset = 0; offset < text.length && !failed; offset += SLICE) {
    parser.write(text.slice(offset, offset + SLICE))
    if (offset + SLICE < text.length) await breathe()
  }
  if (!failed) parser.close()
  if (failed || !rootSeen) {
    throw new SyncRemoteError('notDav', `${origin} did not answer as a CardDAV/CalDAV server`)
  }
  return { items, syncToken }
}
