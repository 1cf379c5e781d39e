import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportPreview } from '../../src/shared/contract'
import { csvToRows, readCsv, suggestMapping } from '../../src/main/core/importExport/csvImport'
import { call, quietCore } from './helpers'

/**
 * One file per encoding, shaped like what the app that writes it exports: Outlook's CSV in
 * Windows-1252 (its full header), Outlook's "Unicode" tab-separated UTF-16, Excel in Chinese
 * (GB18030), Taiwanese (Big5) and Japanese (Shift_JIS) Windows, and plain UTF-8.
 */
const file = (name: string) => readFile(join(__dirname, '../fixtures/encodings', name))

const CASES = [
  ['outlook-windows-1252.csv', 'windows-1252', 'Jürgen Müller', 'Bäckerei Müller GmbH'],
  ['outlook-unicode-utf-16le.csv', 'utf-16le', 'Jürgen Müller', 'Bäckerei Müller'],
  ['utf-16be-bom.csv', 'utf-16be', 'Jürgen Müller', 'Bäckerei Müller'],
  ['excel-zh-gb18030.csv', 'gb18030', '张伟', '北京字节跳动科技有限公司'],
  ['excel-zh-tw-big5.csv', 'big5', '陳志明', '台灣積體電路製造股份有限公司'],
  ['excel-ja-shift_jis.csv', 'shift_jis', '山田 太郎', '株式会社サンプル商事'],
  ['plain-utf-8.csv', 'utf-8', 'Jürgen Müller', 'Bäckerei Müller'],
] as const

describe('CSV encoding detection', () => {
  for (const [name, encoding, person, organization] of CASES) {
    it(`reads ${name} as ${encoding}`, async () => {
      const table = readCsv(await file(name))
      expect(table.encoding).toBe(encoding)
      const [first] = csvToRows(table, suggestMapping(table.headers))
      expect(first!.fields).toMatchObject({ name: person, organization })
    })
  }

  it('shows the guess in the preview and reads the file again in the encoding the user picks', async () => {
    const c = await quietCore()
    const data = (await file('outlook-windows-1252.csv')).toString('base64')
    const guessed = await call<ImportPreview>(c, 'import.preview', {
      fileName: 'contacts.csv',
      data,
    })
    expect(guessed.encoding).toBe('windows-1252')
    expect(guessed.rows.map((r) => r.name)).toEqual(['Jürgen Müller', 'Françoise Dupré'])
    // What Rapport did before: every non-UTF-8 file as GB18030.
    const asGb = await call<ImportPreview>(c, 'import.preview', {
      fileName: 'contacts.csv',
      data,
      encoding: 'gb18030',
    })
    expect(asGb.encoding).toBe('gb18030')
    expect(asGb.rows[0]!.name).toContain('M黮ler')
    await expect(
      call(c, 'import.preview', { fileName: 'contacts.csv', data, encoding: 'ebcdic' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    await c.close()
  })
})
