import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CardView } from '../../src/shared/contacts/cardView'
import type { ImportPreview } from '../../src/shared/contract'
import type { Core } from '../../src/main/core/openCore'
import { call, quietCore } from './helpers'

const fixture = (name: string) => join(__dirname, '../fixtures/real-world', name)

const core = () => quietCore()

const base64 = async (file: string) => (await readFile(file)).toString('base64')
const names = async (c: Core) =>
  (await call<{ items: { name: string }[] }>(c, 'contacts.search', { limit: 5000 })).items.map(
    (i) => i.name,
  )

describe('import through the contract', () => {
  it('previews without writing, commits all rows in one change, and never imports an exact duplicate', async () => {
    const c = await core()
    const data = await base64(fixture('android-export-v21-qp-utf8-multi-photo.vcf'))
    const preview = await call<ImportPreview>(c, 'import.preview', {
      fileName: 'contacts.vcf',
      data,
    })
    expect(preview.counts).toMatchObject({ new: 6, error: 0 })
    expect(await names(c)).toEqual([])
    const result = await call(c, 'import.commit', {
      previewId: preview.previewId,
      duplicates: 'skip',
    })
    expect(result).toEqual({ created: 6, merged: 0, skipped: 0 })
    expect(await names(c)).toHaveLength(6)

    const again = await call<ImportPreview>(c, 'import.preview', { fileName: 'contacts.vcf', data })
    expect(again.counts).toMatchObject({ new: 0, exact: 6 })
    expect(
      await call(c, 'import.commit', { previewId: again.previewId, duplicates: 'import' }),
    ).toMatchObject({
      created: 0,
    })
    expect(await names(c)).toHaveLength(6)
    await c.close()
  })

  it("reads LinkedIn's Connected On as when we first met, so the card knows them for years, not 0 days", async () => {
    const c = await core()
    const header = (
      await readFile(fixture('linkedin-connections-preamble-header-only.csv'), 'utf8')
    ).replace(/\n+$/, '')
    const csv = `${header}\nAda,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,Programmer,10 Dec 2023\n`
    const preview = await call<ImportPreview>(c, 'import.preview', {
      fileName: 'Connections.csv',
      data: Buffer.from(csv).toString('base64'),
    })
    expect(preview.mapping.at(-1)).toBe('firstMet')
    await call(c, 'import.commit', { previewId: preview.previewId, duplicates: 'skip' })
    const [ada] = (await call<{ items: { id: string }[] }>(c, 'contacts.search', {})).items
    const card = await call<CardView>(c, 'contacts.card', { id: ada!.id })
    expect(card.contact.firstMet?.date).toBe('2023-12-10')
    expect(card.trust.lengthDays).toBeGreaterThan(365)
    await c.close()
  })

  it('keeps embedded photos as files in the data folder', async () => {
    const c = await core()
    const data = await base64(fixture('apple-ios6-export-photo-crcrlf.vcf'))
    const preview = await call<ImportPreview>(c, 'import.preview', { fileName: 'ios.vcf', data })
    await call(c, 'import.commit', { previewId: preview.previewId, duplicates: 'skip' })
    const [item] = (
      await call<{ items: { id: string; photo?: string }[] }>(c, 'contacts.search', {})
    ).items
    expect(item?.photo).toMatch(/^sha256-[0-9a-f]{64}\.jpg$/)
    const photo = await call<{ dataUrl: string }>(c, 'photos.get', {
      ref: item!.photo,
      variant: 'thumb',
    })
    expect(photo.dataUrl).toMatch(/^data:image\/jpeg;base64,\/9j\//)
    await c.close()
  })

  it('cancel and an expired preview change nothing', async () => {
    const c = await core()
    const data = await base64(fixture('google-gmail-export-multi.vcf'))
    const preview = await call<ImportPreview>(c, 'import.preview', { fileName: 'g.vcf', data })
    await call(c, 'import.cancel', { previewId: preview.previewId })
    await expect(
      call(c, 'import.commit', { previewId: preview.previewId, duplicates: 'skip' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(await names(c)).toEqual([])
    await c.close()
  })

  it('reports rows without a name as errors with their line numbers, and imports the rest', async () => {
    const c = await core()
    const csv =
      'Name,Email,Company,Notes\nAda Lovelace,ada@example.com,Engines,\n,,,\n,,,met at the bar\nLin Yue,lin@example.com,Hangzhou Labs,\n'
    const preview = await call<ImportPreview>(c, 'import.preview', {
      fileName: 'people.csv',
      data: Buffer.from(csv).toString('base64'),
    })
    expect(preview.counts).toMatchObject({ new: 2 })
    const errors = preview.rows.filter((r) => r.status === 'error')
    expect(errors.map((r) => r.line)).toContain(4)
    await call(c, 'import.commit', { previewId: preview.previewId, duplicates: 'skip' })
    expect((await names(c)).sort()).toEqual(['Ada Lovelace', 'Lin Yue'])
    await c.close()
  })

  it('merges a possible duplicate into the existing card when asked, filling what it lacked', async () => {
    const c = await core()
    await call(c, 'contacts.create', {
      name: 'Ada Lovelace',
      emails: [{ label: '', value: 'ada@example.com' }],
    })
    const csv = 'Name,Email,Company,Title\nAda King,ada@example.com,Analytical Engines,Countess\n'
    const preview = await call<ImportPreview>(c, 'import.preview', {
      fileName: 'people.csv',
      data: Buffer.from(csv).toString('base64'),
    })
    expect(preview.counts).toMatchObject({ duplicate: 1 })
    expect(preview.rows[0]?.matches[0]?.name).toBe('Ada Lovelace')
    expect(
      await call(c, 'import.commit', { previewId: preview.previewId, duplicates: 'merge' }),
    ).toMatchObject({
      merged: 1,
      created: 0,
    })
    const [only] = (
      await call<{ items: { name: string; organization: string }[] }>(c, 'contacts.search', {})
    ).items
    expect(only).toMatchObject({ name: 'Ada Lovelace', organization: 'Analytical Engines' })
    await c.close()
  })

  it('exports everyone as vCard and the export imports back as the same people', async () => {
    const c = await core()
    const data = await base64(fixture('google-gmail-export-many-fields.vcf'))
    const preview = await call<ImportPreview>(c, 'import.preview', { fileName: 'g.vcf', data })
    await call(c, 'import.commit', { previewId: preview.previewId, duplicates: 'skip' })
    const { text } = await call<{ text: string }>(c, 'export.vcard', {})
    const other = await core()
    const back = await call<ImportPreview>(other, 'import.preview', {
      fileName: 'export.vcf',
      data: Buffer.from(text).toString('base64'),
    })
    await call(other, 'import.commit', { previewId: back.previewId, duplicates: 'skip' })
    const strip = (r: { items: Record<string, unknown>[] }) =>
      r.items.map(({ name, organization, role, tags, reach }) => ({
        name,
        organization,
        role,
        tags,
        reach,
      }))
    expect(strip(await call(other, 'contacts.search', {}))).toEqual(
      strip(await call(c, 'contacts.search', {})),
    )
    await c.close()
    await other.close()
  })
})

describe('hostile import files', () => {
  it('refuses a vCard bomb with a clear error and imports nothing', async () => {
    const c = await core()
    let cards = ''
    for (let i = 0; i < 60_000; i += 1)
      cards += `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:P${i}\r\nEND:VCARD\r\n`
    await expect(
      call(c, 'import.preview', {
        fileName: 'bomb.vcf',
        data: Buffer.from(cards).toString('base64'),
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('at most 50000'),
    })
    expect(await names(c)).toEqual([])
    await c.close()
  }, 60_000)

  it('cuts a 5 MB name to the field limit with a warning instead of failing', async () => {
    const c = await core()
    const card = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${'A'.repeat(5_000_000)}\r\nEND:VCARD\r\n`
    const preview = await call<ImportPreview>(c, 'import.preview', {
      fileName: 'long.vcf',
      data: Buffer.from(card).toString('base64'),
    })
    expect(preview.rows[0]?.warnings.join(' ')).toMatch(/cut/)
    expect(preview.counts.new).toBe(1)
    await c.close()
  })

  it('reads bytes that are not valid UTF-8 without crashing', async () => {
    const c = await core()
    const bytes = Buffer.concat([
      Buffer.from('Name,Email\n'),
      Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x0a]),
    ])
    const preview = await call<ImportPreview>(c, 'import.preview', {
      fileName: 'odd.csv',
      data: bytes.toString('base64'),
    })
    expect(preview.rows.length).toBeLessThanOrEqual(1)
    await c.close()
  })

  it('keeps a CSV formula as plain text, never as something to run', async () => {
    const c = await core()
    const csv = 'Name,Notes\nMallory,"=HYPERLINK(""http://evil.example"",""click"")"\n'
    const preview = await call<ImportPreview>(c, 'import.preview', {
      fileName: 'f.csv',
      data: Buffer.from(csv).toString('base64'),
    })
    await call(c, 'import.commit', { previewId: preview.previewId, duplicates: 'skip' })
    const { text } = await call<{ text: string }>(c, 'export.vcard', {})
    // In vCard the formula is only escaped text in NOTE (commas escaped), not a live cell.
    expect(text).toContain('NOTE:=HYPERLINK("http://evil.example"\\,"click")')
    await c.close()
  })
})
