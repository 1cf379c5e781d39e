import { describe, expect, it } from 'vitest'
import { readItemListing } from '../../src/main/core/sync/multistatusStream'

function listing(n: number): string {
  const items = Array.from(
    { length: n },
    (_, i) =>
      `<D:response><D:href>/u/book/item-${i}.vcf</D:href><D:propstat><D:prop>` +
      `<D:getetag>"etag-${i}"</D:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status>` +
      `</D:propstat></D:response>`,
  )
  const removed =
    '<D:response><D:href>/u/book/gone.vcf</D:href><D:status>HTTP/1.1 404 Not Found</D:status></D:response>'
  return `<?xml version="1.0"?><D:multistatus xmlns:D="DAV:">${items.join('')}${removed}<D:sync-token>tok-2</D:sync-token></D:multistatus>`
}

describe('reading a large item listing', () => {
  it('reads 15,000 entries with their ETags, removals and the new token', async () => {
    const { items, syncToken } = await readItemListing(listing(15_000), 'https://dav.example')
    expect(items).toHaveLength(15_001)
    expect(items[14_999]).toEqual({
      href: '/u/book/item-14999.vcf',
      status: 200,
      etag: '"etag-14999"',
      data: '',
    })
    expect(items[15_000]).toMatchObject({ href: '/u/book/gone.vcf', status: 404 })
    expect(syncToken).toBe('tok-2')
  })

  it('gives the event loop back while it reads', async () => {
    let ticks = 0
    const timer = setInterval(() => (ticks += 1), 0)
    await readItemListing(listing(15_000), 'https://dav.example')
    clearInterval(timer)
    expect(ticks).toBeGreaterThan(5)
  })

  it('says a server that answers something else is not a DAV server', async () => {
    await expect(
      readItemListing('<html><body>Login</body></html>', 'https://x'),
    ).rejects.toMatchObject({
      code: 'REMOTE',
      details: { reason: 'notDav' },
    })
    await expect(readItemListing('not xml at all', 'https://x')).rejects.toMatchObject({
      code: 'REMOTE',
    })
  })

  it('keeps multiget bodies with their CDATA and entities', async () => {
    const xml =
      '<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav">' +
      '<d:response><d:href>/b/1.vcf</d:href><d:propstat><d:prop><d:getetag>"1"</d:getetag>' +
      '<c:address-data>BEGIN:VCARD&#13;\nFN:A &amp; B&#13;\nEND:VCARD&#13;\n</c:address-data>' +
      '</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>'
    const { items } = await readItemListing(xml, 'https://x')
    expect(items[0]!.data).toBe('BEGIN:VCARD\r\nFN:A & B\r\nEND:VCARD\r\n')
  })
})
