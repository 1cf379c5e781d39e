import type { Radicale } from './radicale'

/**
 * A second client that plays the phone, writing to the server the way an iPhone or DAVx⁵ would:
 * plain HTTP with its own PUTs, If-Match and DELETEs.
 */
export interface PhoneCard {
  href: string
  etag: string
  data: string
}

export function phoneFor(server: Radicale) {
  const auth = `Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}`
  const absolute = (href: string) => new URL(href, server.url).href

  const list = async (collectionUrl: string): Promise<PhoneCard[]> => {
    const response = await fetch(collectionUrl, {
      method: 'PROPFIND',
      headers: { Authorization: auth, Depth: '1', 'Content-Type': 'application/xml' },
      body: '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>',
    })
    const text = await response.text()
    const own = new URL(collectionUrl).pathname
    const hrefs = [...text.matchAll(/<(?:\w+:)?href>([^<]+)<\/(?:\w+:)?href>/g)]
      .map((m) => m[1]!)
      .filter((href) => href !== own)
    const cards: PhoneCard[] = []
    for (const href of hrefs) {
      const got = await fetch(absolute(href), { headers: { Authorization: auth } })
      cards.push({
        href: absolute(href),
        etag: got.headers.get('etag') ?? '',
        data: await got.text(),
      })
    }
    return cards
  }

  const put = async (href: string, data: string, etag?: string, type = 'text/vcard') => {
    const response = await fetch(absolute(href), {
      method: 'PUT',
      headers: {
        Authorization: auth,
        'Content-Type': `${type}; charset=utf-8`,
        ...(etag ? { 'If-Match': etag } : {}),
      },
      body: data,
    })
    await response.text()
    if (response.status >= 300) throw new Error(`phone PUT ${href}: ${response.status}`)
    return response.headers.get('etag') ?? ''
  }

  const remove = async (href: string) => {
    const response = await fetch(absolute(href), {
      method: 'DELETE',
      headers: { Authorization: auth },
    })
    await response.text()
    if (response.status >= 300) throw new Error(`phone DELETE ${href}: ${response.status}`)
  }

  /** Finds the card whose text matches, or fails the test. */
  const find = async (collectionUrl: string, pattern: RegExp): Promise<PhoneCard> => {
    const card = (await list(collectionUrl)).find((c) => pattern.test(c.data))
    if (!card) throw new Error(`no card on the phone matches ${pattern}`)
    return card
  }

  return { list, put, remove, find, auth }
}

/** Replaces one property line of a vCard/iCalendar text (unfolded first), as an editing phone does. */
export function editLine(text: string, name: string, value: string): string {
  const unfolded = text.replace(/\r\n[ \t]/g, '')
  const lines = unfolded.split(/\r\n/)
  const index = lines.findIndex((line) => new RegExp(`^(item\\d+\\.)?${name}[;:]`, 'i').test(line))
  const line = `${name}:${value}`
  if (index >= 0) lines[index] = line
  else
    lines.splice(
      lines.findIndex((l) => /^END:/.test(l)),
      0,
      line,
    )
  return lines.join('\r\n')
}
