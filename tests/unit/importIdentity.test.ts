import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { ImportPreview } from '../../src/shared/contract'
import type { Core } from '../../src/main/core/openCore'
import { call, quietCore, tempDir } from './helpers'

/**
 * Who is who at import: people who share a name are different people when a strong identifier
 * (email, LinkedIn profile, phone) tells them apart, and a name alone never makes a row "already
 * there". Files are shaped like LinkedIn's Connections.csv (its real preamble and header).
 */
const linkedInHeader = async () =>
  readFile(
    join(__dirname, '../fixtures/real-world/linkedin-connections-preamble-header-only.csv'),
    'utf8',
  )

const NAMESAKES = [
  'Wei,Wang,https://www.linkedin.com/in/wei-wang-3a1b2c,,Tencent,Product Manager,12 Mar 2024',
  'Wei,Wang,https://www.linkedin.com/in/weiwang-ml,,Baidu,ML Engineer,02 Apr 2023',
  'David,Lee,https://www.linkedin.com/in/davidlee,,Goldman Sachs,Analyst,15 Jan 2022',
  'David,Lee,https://www.linkedin.com/in/david-lee-7788,,Stripe,Engineer,30 Jun 2021',
  '伟,王,https://cn.linkedin.com/in/%E7%8E%8B%E4%BC%9F-1,,华为,工程师,01 May 2024',
  '伟,王,https://www.linkedin.cn/incareer/in/wangwei-88,,小米,销售经理,09 Sep 2020',
]

async function connections(rows: string[]): Promise<string> {
  return `${await linkedInHeader()}${rows.join('\n')}\n`
}

const preview = (c: Core, text: string, fileName = 'Connections.csv') =>
  call<ImportPreview>(c, 'import.preview', {
    fileName,
    data: Buffer.from(text).toString('base64'),
  })

const contacts = async (c: Core) =>
  (
    await call<{ items: { id: string; name: string; organization: string }[] }>(
      c,
      'contacts.search',
      { limit: 5000 },
    )
  ).items

describe('import keeps people who share a name apart', () => {
  it('imports two Wei Wangs, two David Lees and two 王伟 with different profiles, all six', async () => {
    const c = await quietCore()
    const first = await preview(c, await connections(NAMESAKES))
    expect(first.counts).toEqual({ new: 6, duplicate: 0, exact: 0, error: 0 })
    expect(
      await call(c, 'import.commit', { previewId: first.previewId, duplicates: 'skip' }),
    ).toEqual({ created: 6, merged: 0, skipped: 0 })
    const people = await contacts(c)
    expect(people.map((p) => `${p.name} / ${p.organization}`).sort()).toEqual([
      'David Lee / Goldman Sachs',
      'David Lee / Stripe',
      'Wei Wang / Baidu',
      'Wei Wang / Tencent',
      '王伟 / 华为',
      '王伟 / 小米',
    ])

    // The same file again: every row is someone already there, by their profile.
    const again = await preview(c, await connections(NAMESAKES))
    expect(again.counts).toEqual({ new: 0, duplicate: 0, exact: 6, error: 0 })
    expect(again.rows.every((r) => r.matches[0]?.reasons.includes('linkedin'))).toBe(true)
    await c.close()
  })

  it('does not import the same LinkedIn profile twice when its email differs', async () => {
    const c = await quietCore()
    const file = await connections([
      'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@engines.org,Analytical Engines,CTO,01 Jan 2024',
      'Ada,King,linkedin.com/in/Ada-Lovelace/,ada.king@home.org,Analytical Engines,CTO,01 Jan 2024',
    ])
    const p = await preview(c, file)
    expect(p.counts).toEqual({ new: 1, duplicate: 1, exact: 0, error: 0 })
    const second = p.rows[1]!
    expect(second.matches).toEqual([
      { id: '', name: 'Ada Lovelace', line: p.rows[0]!.line, reasons: ['linkedin'] },
    ])
    expect(await call(c, 'import.commit', { previewId: p.previewId, duplicates: 'merge' })).toEqual(
      { created: 1, merged: 1, skipped: 0 },
    )
    const [only, ...rest] = await contacts(c)
    expect(rest).toEqual([])
    const card = await call<{ contact: { emails: { value: string }[] } }>(c, 'contacts.card', {
      id: only!.id,
    })
    expect(card.contact.emails.map((e) => e.value)).toEqual([
      'ada@engines.org',
      'ada.king@home.org',
    ])
    await c.close()
  })

  it('calls a name at the same company without a profile a possible duplicate, never "already there"', async () => {
    const c = await quietCore()
    await call(c, 'contacts.create', { name: 'Wei Wang', organization: 'Tencent' })
    const p = await preview(c, 'Name,Company\nWei Wang,Tencent\nWei Wang,Tencent\n', 'w.csv')
    // The second row is also a possible duplicate of the first, not silently dropped.
    expect(p.rows.map((r) => r.status)).toEqual(['duplicate', 'duplicate'])
    expect(p.rows[1]!.matches.map((m) => m.line ?? m.id)).toContain(2)
    expect(
      await call(c, 'import.commit', { previewId: p.previewId, duplicates: 'import' }),
    ).toMatchObject({ created: 2 })
    expect(await contacts(c)).toHaveLength(3)
    await c.close()
  })

  it('lists every skipped row with its line on the command line', async () => {
    const dir = await tempDir()
    const file = join(dir, 'Connections.csv')
    await writeFile(
      file,
      await connections([
        ...NAMESAKES,
        // Line 11: the first Wei Wang again; line 12: a profile seen before with a new email.
        NAMESAKES[0]!,
        'Wei,Wang,https://www.linkedin.com/in/weiwang-ml/,wei@baidu.com,Baidu,ML Engineer,02 Apr 2023',
        ',,,,,,01 Jan 2020',
      ]),
    )
    const run = promisify(execFile)
    const root = join(__dirname, '../..')
    const { stdout } = await run(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'src/main/cli.ts'), 'import', file, '--data', join(dir, 'data')],
      { cwd: root, env: { ...process.env, LANG: 'en_US.UTF-8' } },
    )
    expect(stdout).toContain('6 new, 1 possible duplicates, 1 already there, 1 with errors')
    expect(stdout).toContain('line 13: skipped, no name')
    expect(stdout).toMatch(
      /line 11: skipped, Wei Wang is already there: Wei Wang \(line 5\) — same linkedin/,
    )
    expect(stdout).toMatch(/line 12: skipped, Wei Wang may be Wei Wang \(line 6\) — same linkedin/)
    expect(stdout).toContain('Imported into')
    expect(stdout).toContain('6 new, 0 merged, 3 skipped')
  }, 60_000)
})

describe('import of people without any identifier', () => {
  it('flags the same name without an organisation as a possible duplicate with its line', async () => {
    const c = await quietCore()
    const p = await preview(c, 'Name,Notes\nLin Yue,met in Hangzhou\nLin Yue,\nLin Yue,\n', 'l.csv')
    expect(p.rows.map((r) => r.status)).toEqual(['new', 'duplicate', 'duplicate'])
    expect(p.rows[1]!.matches).toEqual([{ id: '', name: 'Lin Yue', line: 2, reasons: ['name'] }])
    await call(c, 'import.commit', { previewId: p.previewId, duplicates: 'skip' })
    // And the same file again: still only a possible duplicate, nothing imported by default.
    const again = await preview(c, 'Name,Notes\nLin Yue,met in Hangzhou\n', 'l.csv')
    expect(again.rows.map((r) => [r.status, r.matches[0]?.reasons])).toEqual([
      ['duplicate', ['name']],
    ])
    await c.close()
  })
})

describe('near-duplicate Chinese names', () => {
  it('flags 李 娜 / 字节跳动 against 李娜 / 北京字节跳动 at import and on the duplicates page', async () => {
    const c = await quietCore()
    await call(c, 'contacts.create', { name: '李娜', organization: '北京字节跳动' })
    const p = await preview(c, '姓名,公司\n李 娜,字节跳动\n', 'gbk.csv')
    expect(p.rows.map((r) => [r.status, r.matches.map((m) => m.name)])).toEqual([
      ['duplicate', ['李娜']],
    ])
    await call(c, 'import.commit', { previewId: p.previewId, duplicates: 'import' })
    const groups = await call<{ contacts: { name: string }[] }[]>(c, 'contacts.duplicates', {})
    expect(groups.map((g) => g.contacts.map((x) => x.name).sort())).toEqual([['李 娜', '李娜']])
    await c.close()
  })
})

describe('phone numbers in E.164', () => {
  it('reads national numbers in the region of the language, stores and exports them in E.164', async () => {
    const c = await quietCore({ systemLanguage: 'zh-CN' })
    const p = await preview(
      c,
      '姓名,手机\n张伟,138 1234 5678\n王芳,+1 (381) 234-5678\n李娜,0086 138-1234-5678\n',
      'p.csv',
    )
    // The American number ends like the Chinese one; only the third row is the same number.
    expect(p.rows.map((r) => [r.status, r.matches.map((m) => m.line)])).toEqual([
      ['new', []],
      ['new', []],
      ['duplicate', [2]],
    ])
    await call(c, 'import.commit', { previewId: p.previewId, duplicates: 'skip' })
    await call(c, 'contacts.create', {
      name: '赵磊',
      phones: [{ label: '', value: '139 0000 0101' }],
    })
    const { text } = await call<{ text: string }>(c, 'export.vcard', {})
    expect(text.match(/^(?:item\d+\.)?TEL.*$/gm)!.map((l) => l.split(':').pop())).toEqual([
      '+8613812345678',
      '+13812345678',
      '+8613900000101',
    ])
    // In English with no region chosen, a national number cannot be read, so it stays as typed.
    await call(c, 'settings.update', { language: 'en' })
    const english = await call<{ text: string }>(c, 'export.vcard', {})
    expect(english.text).toContain(':139 0000 0101')
    await call(c, 'settings.update', { phoneRegion: 'CN' })
    expect((await call<{ text: string }>(c, 'export.vcard', {})).text).toContain(':+8613900000101')
    await expect(call(c, 'settings.update', { phoneRegion: 'XX' })).rejects.toMatchObject({
      code: 'VALIDATION',
    })
    await c.close()
  })
})

describe('a large LinkedIn export of common names', () => {
  it('imports 5,000 distinct profiles that share 40 names, none lost, and re-imports none', async () => {
    const given = ['Wei', 'David', 'Li', 'Jun', 'Michael', 'Min', 'Sarah', 'Hui']
    const family = ['Wang', 'Lee', 'Zhang', 'Chen', 'Smith']
    const rows = Array.from({ length: 5000 }, (_, i) => {
      const first = given[i % given.length]!
      const last = family[Math.floor(i / given.length) % family.length]!
      // A third without a company, as LinkedIn exports often are.
      const company = i % 3 === 0 ? '' : `Company ${i % 97}`
      return `${first},${last},https://www.linkedin.com/in/${first}-${last}-${i},,${company},Engineer,01 Jan 2024`
    })
    const c = await quietCore()
    const file = await connections(rows)
    const first = await preview(c, file)
    expect(first.counts).toEqual({ new: 5000, duplicate: 0, exact: 0, error: 0 })
    expect(
      await call(c, 'import.commit', { previewId: first.previewId, duplicates: 'skip' }),
    ).toEqual({ created: 5000, merged: 0, skipped: 0 })
    const again = await preview(c, file)
    expect(again.counts).toEqual({ new: 0, duplicate: 0, exact: 5000, error: 0 })
    await c.close()
  }, 60_000)
})

describe('phone numbers on display', () => {
  it('shows a number in the contact list in international form, read in the region', async () => {
    const c = await quietCore({ systemLanguage: 'zh-CN' })
    await call(c, 'contacts.create', {
      name: '赵磊',
      phones: [{ label: '', value: '13900000101' }],
    })
    const reach = async () =>
      (await call<{ items: { reach: string }[] }>(c, 'contacts.search', {})).items[0]!.reach
    expect(await reach()).toBe('+86 139 0000 0101')
    await call(c, 'settings.update', { language: 'en' })
    // English without a region: the national number stays as typed.
    expect(await reach()).toBe('13900000101')
    await c.close()
  })
})
