import fc from 'fast-check'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contactsToVCard, escapeText, foldLine } from '../../src/main/core/importExport/vcardExport'
import { parseVCards } from '../../src/main/core/importExport/vcardImport'
import { toE164 } from '../../src/main/core/contacts/identity/phone'
import { contactFieldsShape, contactSchema, type Contact } from '../../src/shared/model'

type JProp = [string, Record<string, string | string[]>, string, ...unknown[]]

const UUID = '0b6f6c1e-2f4a-4c53-9a57-1c2d3e4f5a6b'

function contact(fields: Partial<Contact> & { name: string }): Contact {
  return contactSchema.parse({
    id: UUID,
    createdAt: '2024-03-01T08:00:00.000Z',
    updatedAt: '2024-05-06T07:08:09.123+02:00',
    ...fields,
  })
}

/** Every card in the text, as ical.js reads it (jCard property lists). */
function cards(text: string): JProp[][] {
  const parsed = ICAL.parse(text) as unknown[]
  const list = (parsed[0] === 'vcard' ? [parsed] : parsed) as [string, JProp[]][]
  return list.map((card) => card[1])
}

function only(text: string): JProp[] {
  const all = cards(text)
  expect(all).toHaveLength(1)
  return all[0]!
}

function props(card: JProp[], name: string): JProp[] {
  return card.filter((p) => p[0] === name.toLowerCase())
}

function value(card: JProp[], name: string): unknown {
  return props(card, name)[0]?.[3]
}

/** Physical lines as bytes, split on CRLF; each must be whole UTF-8 on its own. */
function physicalLines(text: string): Buffer[] {
  const bytes = Buffer.from(text, 'utf8')
  const lines: Buffer[] = []
  let start = 0
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      lines.push(bytes.subarray(start, i))
      start = i + 2
    }
  }
  expect(start).toBe(bytes.length)
  return lines
}

const strict = new TextDecoder('utf-8', { fatal: true })

function expectWellFormed(text: string): void {
  expect(text.endsWith('\r\n')).toBe(true)
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  const bad = physicalLines(text).filter((line) => {
    if (line.length > 75) return true
    try {
      strict.decode(line)
      return false
    } catch {
      return true
    }
  })
  expect(bad.map((line) => line.toString('latin1'))).toEqual([])
}

const ada = contact({
  name: 'Ada Lovelace',
  givenName: 'Ada',
  familyName: 'Lovelace',
  nickname: 'Countess',
  organization: 'Analytical Engines, Ltd; R&D',
  role: 'Mathematician',
  emails: [
    { label: 'work', value: 'ada@example.com' },
    { label: 'home', value: 'ada.home@example.org' },
  ],
  phones: [
    { label: 'mobile', value: '+44 20 7946 0958' },
    { label: '', value: '020 7946 0000' },
  ],
  tags: ['speaker', 'AI, ethics', 'London'],
  notes: 'Met at the Royal Society; wants intros, esp. to Babbage.\nSecond line \\ backslash.',
  importantDates: [
    { label: 'Birthday', date: '1815-12-10' },
    { label: 'anniversary', date: '1835-07-08' },
    { label: 'Graduation', date: '1833-06-05' },
  ],
})

/** Export writes phone numbers in E.164 where they can be read; that is the round trip's one change. */
const inE164 = (c: Contact): Contact => ({
  ...c,
  phones: c.phones.map((p) => ({ ...p, value: toE164(p.value) ?? p.value })),
})

describe('vCard 4.0 export, read back by ical.js', () => {
  it('writes the identity, ways to reach and notes so another reader gets them back', () => {
    const text = contactsToVCard([ada])
    expectWellFormed(text)
    const card = only(text)
    expect(value(card, 'version')).toBe('4.0')
    expect(value(card, 'fn')).toBe('Ada Lovelace')
    expect(value(card, 'n')).toEqual(['Lovelace', 'Ada', '', '', ''])
    expect(value(card, 'nickname')).toBe('Countess')
    expect(value(card, 'org')).toBe('Analytical Engines, Ltd; R&D')
    expect(value(card, 'title')).toBe('Mathematician')
    expect(props(card, 'email').map((p) => [p[1].type, p[3]])).toEqual([
      ['work', 'ada@example.com'],
      ['home', 'ada.home@example.org'],
    ])
    // E.164 where the number says its country; a national number stays as typed without a region.
    expect(props(card, 'tel').map((p) => p[3])).toEqual(['+442079460958', '020 7946 0000'])
    const inBritain = only(contactsToVCard([ada], undefined, 'GB'))
    expect(props(inBritain, 'tel').map((p) => p[3])).toEqual(['+442079460958', '+442079460000'])
    expect(props(card, 'tel')[0]![1].type).toBe('cell')
    expect(props(card, 'categories')[0]!.slice(3)).toEqual(['speaker', 'AI, ethics', 'London'])
    expect(value(card, 'note')).toBe(ada.notes)
    expect(value(card, 'bday')).toBe('1815-12-10')
    expect(value(card, 'anniversary')).toBe('1835-07-08')
    expect(value(card, 'uid')).toBe(`urn:uuid:${UUID}`)
    expect(value(card, 'rev')).toBe('2024-05-06T05:08:09Z')
  })

  it('keeps labels no TYPE says exactly, grouped with X-ABLabel as Apple and Google do', () => {
    const card = only(contactsToVCard([ada]))
    const mobile = props(card, 'tel')[0]!
    const group = mobile[1].group
    expect(group).toMatch(/^item\d+$/)
    const label = card.find((p) => p[0] === 'x-ablabel' && p[1].group === group)
    expect(label?.[3]).toBe('mobile')
    // "work" is exactly TYPE=work: no label needed.
    expect(props(card, 'email')[0]![1].group).toBeUndefined()

    const graduation = props(card, 'x-abdate')[0]!
    expect(graduation[3]).toBe('1833-06-05')
    const dateLabel = card.find((p) => p[0] === 'x-ablabel' && p[1].group === graduation[1].group)
    expect(dateLabel?.[3]).toBe('Graduation')
  })

  it('handles a Chinese name, emoji, and commas, semicolons and newlines in text', () => {
    const wang = contact({
      name: '王小明',
      givenName: '小明',
      familyName: '王',
      organization: '星辰科技（上海）有限公司',
      role: '产品经理，AI 方向',
      emails: [{ label: '工作', value: 'xiaoming.wang@example.cn' }],
      phones: [{ label: '手机', value: '+86 139 0000 0101' }],
      tags: ['投资人', '🚀 founders', 'a;b'],
      notes:
        '喜欢攀岩 🧗‍♀️，周末常去阳朔; "quotes", commas, \\n not a newline\r\nreal newline\rCR too',
      importantDates: [{ label: '生日', date: '1990-04-15' }],
    })
    const text = contactsToVCard([wang])
    expectWellFormed(text)
    const card = only(text)
    expect(value(card, 'fn')).toBe('王小明')
    expect(value(card, 'n')).toEqual(['王', '小明', '', '', ''])
    expect(value(card, 'org')).toBe('星辰科技（上海）有限公司')
    expect(value(card, 'title')).toBe('产品经理，AI 方向')
    expect(props(card, 'email')[0]![1].type).toBe('work')
    expect(props(card, 'categories')[0]!.slice(3)).toEqual(['投资人', '🚀 founders', 'a;b'])
    expect(value(card, 'note')).toBe(
      '喜欢攀岩 🧗‍♀️，周末常去阳朔; "quotes", commas, \\n not a newline\nreal newline\nCR too',
    )
    expect(value(card, 'bday')).toBe('1990-04-15')
    const label = card.find(
      (p) => p[0] === 'x-ablabel' && p[1].group === props(card, 'tel')[0]![1].group,
    )
    expect(label?.[3]).toBe('手机')
  })

  it('writes the family and given name of a Chinese name the user did not split, and reads it back unsplit', () => {
    const text = contactsToVCard([
      contact({ name: '王小明' }),
      contact({ name: '欧阳娜娜' }),
      contact({ name: 'Ada Lovelace' }),
    ])
    expectWellFormed(text)
    expect(cards(text).map((card) => value(card, 'n'))).toEqual([
      ['王', '小明', '', '', ''],
      ['欧阳', '娜娜', '', '', ''],
      ['', '', '', '', ''],
    ])
    const back = parseVCards(text).map((row) => row.fields)
    expect(back.map((f) => [f.name, f.familyName, f.givenName])).toEqual([
      ['王小明', undefined, undefined],
      ['欧阳娜娜', undefined, undefined],
      ['Ada Lovelace', undefined, undefined],
    ])
  })

  it('folds a very long note at 75 octets without splitting characters', () => {
    const notes = ('混合 text 😀 with, commas; and \\ escapes\n'.repeat(300) + '结束').slice(
      0,
      19_999,
    )
    const text = contactsToVCard([contact({ name: '长笔记', notes })])
    expectWellFormed(text)
    const noteLines = physicalLines(text).filter((line) => line[0] === 0x20)
    expect(noteLines.length).toBeGreaterThan(100)
    expect(value(only(text), 'note')).toBe(notes)
  })

  it('writes links as URL, IMPP or X-SOCIALPROFILE', () => {
    const card = only(
      contactsToVCard([
        contact({
          name: 'Links',
          links: [
            { kind: 'linkedin', value: 'https://www.linkedin.com/in/example' },
            { kind: 'wechat', value: 'siyuan_chen' },
            { kind: 'web', value: 'https://example.com/a,b' },
            { kind: 'linkedin', value: 'ada-lovelace' },
            { kind: 'wechat', value: '陈 思远' },
          ],
        }),
      ]),
    )
    expect(props(card, 'url').map((p) => [p[1].type, p[3]])).toEqual([
      ['linkedin', 'https://www.linkedin.com/in/example'],
      [undefined, 'https://example.com/a,b'],
    ])
    expect(value(card, 'impp')).toBe('weixin:siyuan_chen')
    expect(props(card, 'x-socialprofile').map((p) => [p[1].type, p[3]])).toEqual([
      ['linkedin', 'ada-lovelace'],
      ['wechat', '陈 思远'],
    ])
  })

  it('embeds the photo as a data: URI when its bytes are available', () => {
    const bytes = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])
    const ref = `sha256-${'a'.repeat(64)}.jpg`
    const asked: string[] = []
    const photos = (r: string) => {
      asked.push(r)
      return r === ref ? { bytes, mime: 'image/jpeg' } : undefined
    }
    const withPhoto = only(contactsToVCard([contact({ name: 'P', photo: ref })], photos))
    expect(value(withPhoto, 'photo')).toBe(
      `data:image/jpeg;base64,${Buffer.from(bytes).toString('base64')}`,
    )
    expect(asked).toEqual([ref])

    const missing = only(contactsToVCard([contact({ name: 'P', photo: 'sha256-x.jpg' })], photos))
    expect(props(missing, 'photo')).toEqual([])
    const noStore = only(contactsToVCard([contact({ name: 'P', photo: ref })]))
    expect(props(noStore, 'photo')).toEqual([])

    const legacy = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg=='
    expect(value(only(contactsToVCard([contact({ name: 'P', photo: legacy })])), 'photo')).toBe(
      legacy,
    )
  })

  it('folds a large photo into 75-octet lines that unfold to the same URI', () => {
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 31) % 256)
    bytes.set([0xff, 0xd8, 0xff])
    const text = contactsToVCard([contact({ name: 'Big', photo: 'ref' })], () => ({
      bytes,
      mime: 'image/jpeg',
    }))
    expectWellFormed(text)
    const uri = value(only(text), 'photo') as string
    expect(Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64').equals(Buffer.from(bytes))).toBe(
      true,
    )
  })

  it('keeps Rapport-only fields in X-RAPPORT-* properties', () => {
    const card = only(
      contactsToVCard([
        contact({
          name: 'Rich',
          whatTheyDo: 'Builds climbing gyms, in 3 cities',
          challenges: 'Hiring; funding\nand permits',
          canOffer: 'Intro to a landlord',
          seed: 'Send her the article on bouldering walls',
          bestWayToReach: 'WeChat voice',
          assistantName: 'Li Na',
          firstMet: { date: '2024-04-01', place: 'Shanghai, WAIC', how: 'coffee queue' },
          family: 'Son, 7 (loves dinosaurs)',
          interests: ['climbing', 'film photography'],
          ecosystem: 'work',
          influence: 'strong',
          closeness: 'medium',
          tier: 'close',
          cadenceDays: 14,
          archived: true,
          introducedById: 'contact-1',
          mutualIds: ['contact-2', 'contact-3'],
        }),
      ]),
    )
    const x = (name: string) => props(card, name).map((p) => p[3])
    expect(x('x-rapport-whattheydo')).toEqual(['Builds climbing gyms, in 3 cities'])
    expect(x('x-rapport-challenges')).toEqual(['Hiring; funding\nand permits'])
    expect(x('x-rapport-canoffer')).toEqual(['Intro to a landlord'])
    expect(x('x-rapport-seed')).toEqual(['Send her the article on bouldering walls'])
    expect(x('x-rapport-bestwaytoreach')).toEqual(['WeChat voice'])
    expect(x('x-rapport-assistantname')).toEqual(['Li Na'])
    expect(x('x-rapport-firstmet-date')).toEqual(['2024-04-01'])
    expect(x('x-rapport-firstmet-place')).toEqual(['Shanghai, WAIC'])
    expect(x('x-rapport-firstmet-how')).toEqual(['coffee queue'])
    expect(x('x-rapport-family')).toEqual(['Son, 7 (loves dinosaurs)'])
    expect(x('interest')).toEqual(['climbing', 'film photography'])
    expect(x('x-rapport-ecosystem')).toEqual(['work'])
    expect(x('x-rapport-influence')).toEqual(['strong'])
    expect(x('x-rapport-closeness')).toEqual(['medium'])
    expect(x('x-rapport-tier')).toEqual(['close'])
    expect(x('x-rapport-cadencedays')).toEqual(['14'])
    expect(x('x-rapport-archived')).toEqual(['true'])
    expect(x('x-rapport-introducedbyid')).toEqual(['contact-1'])
    expect(x('x-rapport-mutualids')).toEqual(['contact-2', 'contact-3'])
    // Defaults are left out rather than written empty.
    expect(x('x-rapport-goals')).toEqual([])
    expect(x('x-rapport-theiradvice')).toEqual([])
  })

  it('writes one card per contact and nothing for no contacts', () => {
    expect(contactsToVCard([])).toBe('')
    const text = contactsToVCard([ada, contact({ name: 'Bo', id: 'demo-17' })])
    const [first, second] = cards(text)
    expect(value(first!, 'fn')).toBe('Ada Lovelace')
    expect(value(second!, 'fn')).toBe('Bo')
    // A non-UUID id is still a stable UID, as text.
    expect(props(second!, 'uid')[0]![2]).toBe('text')
    expect(value(second!, 'uid')).toBe('demo-17')
    // No name parts given: N is written empty rather than guessed.
    expect(value(second!, 'n')).toEqual(['', '', '', '', ''])
  })

  it('reads back any note text exactly, however it folds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (note) => {
        // The model stores what the user typed; the export normalises line ends only.
        const expected = note.replace(/\r\n|\r/g, '\n').replace(/(?![\t\n])\p{Cc}/gu, '')
        fc.pre(expected.length > 0)
        const text = contactsToVCard([contact({ name: 'N', notes: note })])
        expectWellFormed(text)
        expect(value(only(text), 'note')).toBe(expected)
      }),
      { numRuns: 300 },
    )
  })
})

describe('escaping and folding', () => {
  it('escapes backslashes, commas and newlines, and semicolons only in components', () => {
    expect(escapeText('a\\b,c;d\ne')).toBe('a\\\\b\\,c;d\\ne')
    expect(escapeText('a;b', true)).toBe('a\\;b')
    expect(escapeText('x\u0000y\u0007z\tw')).toBe('xyz\tw')
  })

  it('never splits an escape or a multi-byte character across lines', () => {
    const line = 'NOTE:abc' + 'é\\n'.repeat(40) + '😀'.repeat(30)
    const folded = foldLine(line)
    const parts = folded.split('\r\n')
    for (const part of parts) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75)
      expect(part.endsWith('\\') && !part.endsWith('\\\\')).toBe(false)
    }
    expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true)
    expect(parts.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line)
  })

  it('keeps escapes whole in plain ASCII lines too', () => {
    for (let pad = 0; pad < 4; pad++) {
      const line = 'NOTE:' + 'x'.repeat(pad) + 'ab\\n\\,'.repeat(60)
      const parts = foldLine(line).split('\r\n')
      expect(parts.some((part) => /(^|[^\\])(\\\\)*\\$/.test(part))).toBe(false)
      expect(parts.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line)
    }
  })

  it('leaves short lines alone and slices long ASCII lines at exactly 75 octets', () => {
    expect(foldLine('FN:Ada')).toBe('FN:Ada')
    const ascii = 'PHOTO:' + 'A'.repeat(300)
    const parts = foldLine(ascii).split('\r\n')
    expect(parts[0]).toHaveLength(75)
    expect(parts.slice(1, -1).every((part) => part.length === 75)).toBe(true)
    expect(parts.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(ascii)
  })
})

describe('export then import gives back the same contacts', () => {
  const contactFields = z.object(contactFieldsShape)
  type Fields = z.infer<typeof contactFields>

  // A whole 1×1 PNG and a small whole JPEG: the importer notices truncated images.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  )
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 0xff, 0xd9])
  const pngRef = `sha256-${'b'.repeat(64)}.png`
  const jpegRef = `sha256-${'c'.repeat(64)}.jpg`
  const photoStore = (r: string) =>
    r === pngRef
      ? { bytes: new Uint8Array(png), mime: 'image/png' }
      : r === jpegRef
        ? { bytes: new Uint8Array(jpeg), mime: 'image/jpeg' }
        : undefined

  /** What the store would hold: the editable fields with their defaults. */
  const editable = (fields: object): Fields => contactFields.parse(fields)
  /** Every field of the contact shape that still has its default (or no) value. */
  const unfilled = (c: Contact) =>
    Object.keys(contactFieldsShape).filter((key) => {
      const v = c[key as keyof Contact]
      const empty = v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
      return empty || (key === 'tier' && v === 'outside') || (key === 'archived' && v === false)
    })

  const wang = contact({
    id: 'b2',
    name: '王小明',
    givenName: '小明',
    familyName: '王',
    nickname: '小明哥, 明明',
    photo: pngRef,
    organization: '星辰科技（上海）有限公司; 研发部',
    role: '产品经理，AI 方向',
    whatTheyDo: '做 AI 产品，\n带 12 人团队；偶尔写代码 🤖',
    challenges: '招人难, 融资慢\n第二行',
    canOffer: '介绍投资人；分享 PM 模板',
    theirAdvice: '先做 10 个用户访谈\\再写代码',
    goals: '2025 年 A 轮\n\n（空行之后）',
    seed: '寄给他那篇关于攀岩墙的文章',
    bestWayToReach: '微信语音, 晚上 9 点后',
    assistantName: '李娜',
    phones: [
      { label: '手机', value: '+86 139 0000 0101' },
      { label: '办公室', value: '+86 21 5555 0000' },
      { label: 'cell', value: '+86 139 0000 0102' },
    ],
    emails: [
      { label: '工作', value: 'xiaoming.wang@example.cn' },
      { label: 'home', value: 'wxm@example.com' },
    ],
    links: [
      { kind: 'wechat', value: 'wang_xm' },
      { kind: 'weibo', value: 'https://weibo.com/u/1234567' },
      { kind: 'linkedin', value: 'https://www.linkedin.com/in/wxm' },
      { kind: 'web', value: 'https://wxm.example.cn/blog?a=1,b=2' },
      { kind: 'other', value: 'https://example.com/other' },
      { kind: 'wechat', value: '王 小明' },
    ],
    firstMet: {
      date: '2024-04-01',
      place: '上海, WAIC 2024',
      how: '排队买咖啡时聊起来的\n后来加了微信',
    },
    introducedById: 'contact-1',
    mutualIds: ['contact-2', 'contact-3', '0b6f6c1e-2f4a-4c53-9a57-1c2d3e4f5a6c'],
    importantDates: [
      { label: 'birthday', date: '1990-04-15' },
      { label: 'anniversary', date: '2018-10-01' },
      { label: '入职纪念', date: '2019-09-01' },
      { label: 'Other', date: '2020-02-29' },
      { label: '', date: '2021-01-01' },
      { label: '古代', date: '0050-06-15' },
    ],
    family: '妻子：李娜\n儿子 7 岁（喜欢恐龙）',
    interests: ['攀岩', 'film photography', 'AI, ethics'],
    ecosystem: 'work',
    tags: ['投资人', 'AI, 伦理', '🚀 founders', 'a;b', '上海，北京', 'x\\,y', '朋友、同事'],
    notes:
      '喜欢攀岩 🧗‍♀️，周末常去阳朔;\n"引号", 逗号, \\n 不是换行\n\n' + '很长的备注，'.repeat(400),
    influence: 'strong',
    closeness: 'close',
    tier: 'life',
    cadenceDays: 14,
    archived: true,
  })

  const ada = contact({
    id: 'a1',
    name: 'Ada Lovelace',
    givenName: 'Ada',
    familyName: 'Lovelace',
    nickname: 'Countess',
    photo: jpegRef,
    organization: 'Analytical Engines; R&D, Ltd',
    role: 'Mathematician',
    whatTheyDo: '  Writes programs for an engine that does not exist yet.\n',
    challenges: 'Funding; Babbage',
    canOffer: 'Notes on the engine',
    theirAdvice: 'Poetical science',
    goals: 'Publish the notes',
    seed: 'Send her the Menabrea translation',
    bestWayToReach: 'Letter',
    assistantName: 'Mary',
    phones: [
      { label: 'mobile', value: '+44 20 7946 0958' },
      { label: 'Work Fax', value: '+44 20 7946 0001' },
      { label: 'Other', value: '+44 20 7946 0002' },
      { label: '', value: '020 7946 0000' },
      { label: 'work', value: 'tel:+44 20 7946 0003' },
    ],
    emails: [
      { label: 'work', value: 'ada@example.com' },
      { label: 'Home', value: 'ada.home@example.org' },
      { label: '', value: 'ada@old.example' },
      { label: '_$!<Other>!$_', value: 'ada@apple.example' },
    ],
    links: [
      { kind: 'linkedin', value: 'ada-lovelace' },
      { kind: 'web', value: 'ada dot example dot com' },
      { kind: 'other', value: 'skype: ada' },
      { kind: 'web', value: 'https://www.linkedin.com/in/not-kind-linkedin' },
      { kind: 'other', value: 'https://weibo.com/not-kind-weibo' },
      { kind: 'weibo', value: 'ada_weibo' },
    ],
    firstMet: {
      date: '1833-06-05',
      place: 'A party at Babbage’s',
      how: 'Saw the Difference Engine',
    },
    introducedById: 'mary-somerville',
    mutualIds: ['babbage'],
    importantDates: [
      { label: 'birthday', date: '1815-12-10' },
      { label: 'anniversary', date: '1835-07-08' },
      { label: 'Graduation', date: '1833-06-05' },
      { label: 'Company anniversary', date: '1840-01-01' },
      { label: 'birthday', date: '1815-12-11' },
    ],
    family: 'Husband: William King\nChildren: Byron, Annabella, Ralph',
    interests: ['mathematics', 'poetical science', 'horses'],
    ecosystem: 'interests',
    tags: ['speaker', 'London', 'Speaker'],
    notes: '\n  Met at the Royal Society; wants intros.\nSecond line, with \\ and 😀.  \n',
    influence: 'medium',
    closeness: 'distant',
    tier: 'good',
    cadenceDays: 3650,
    archived: false,
  })

  const bo = contact({
    id: 'c3',
    name: 'Bo',
    firstMet: { place: 'Online', how: '' },
    // 1604 is how Apple writes "no year"; a date Rapport wrote is a whole date.
    importantDates: [{ label: 'birthday', date: '1604-02-29' }],
    tier: 'close',
    cadenceDays: 1,
    ecosystem: 'government',
    influence: 'weak',
    closeness: 'medium',
  })
  const plain = contact({ id: 'd4', name: 'Just A Name' })
  const people = [wang, ada, bo, plain]

  it('fills every field of the contact shape in the full contacts', () => {
    // Only `archived: false` is left at its default in Ada; Wang has everything.
    expect(unfilled(wang)).toEqual([])
    expect(unfilled(ada)).toEqual(['archived'])
  })

  it('yields the same fields from parseVCards', () => {
    const text = contactsToVCard(people, photoStore)
    const rows = parseVCards(text)
    expect(rows).toHaveLength(people.length)
    rows.forEach((row, i) => {
      const original = people[i]!
      expect(row.errors).toEqual([])
      expect(row.warnings).toEqual([])
      const { photo: _, ...got } = editable(row.fields)
      const { photo, ...want } = editable(inE164(original))
      expect(got).toEqual(want)
      const expected = photo ? photoStore(photo) : undefined
      expect(row.photo?.mime).toBe(expected?.mime)
      if (expected)
        expect(Buffer.from(row.photo!.bytes).equals(Buffer.from(expected.bytes))).toBe(true)
    })
  })

  it('yields the same fields from the file as bytes, with or without a BOM', () => {
    const bytes = new TextEncoder().encode(contactsToVCard(people, photoStore))
    for (const input of [bytes, new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])]) {
      const rows = parseVCards(input)
      expect(rows.map((r) => r.warnings)).toEqual(people.map(() => []))
      expect(rows.map((r) => editable(r.fields))).toEqual(
        people.map((p) => editable({ ...inE164(p), photo: undefined })),
      )
    }
  })

  it('gives back a selection as it is, card by card', () => {
    const rows = parseVCards(contactsToVCard([ada, wang]))
    expect(rows.map((r) => r.fields.name)).toEqual(['Ada Lovelace', '王小明'])
    expect(rows[1]!.fields.tags).toEqual(wang.tags)
    // Without the photo store the cards have no PHOTO, and nothing else changes.
    expect(rows.map((r) => r.photo)).toEqual([undefined, undefined])
  })

  it('reads a birthday or an anniversary back with its usual label', () => {
    // The exporter writes these labels as BDAY/ANNIVERSARY, which have no label of their own.
    const rows = parseVCards(
      contactsToVCard([
        contact({
          name: 'Dates',
          importantDates: [
            { label: '生日', date: '1990-04-15' },
            { label: '结婚纪念日', date: '2015-05-20' },
          ],
        }),
      ]),
    )
    expect(rows[0]!.fields.importantDates).toEqual([
      { label: 'birthday', date: '1990-04-15' },
      { label: 'anniversary', date: '2015-05-20' },
    ])
  })

  it('keeps a card whole when a fold puts END:VCARD or BEGIN:VCARD at a line start', () => {
    for (let pad = 60; pad < 80; pad++) {
      const notes = 'x'.repeat(pad) + 'END:VCARD\nBEGIN:VCARD then more' + 'y'.repeat(pad)
      const rows = parseVCards(contactsToVCard([contact({ name: 'Fold', notes }), plain]))
      expect(rows.map((r) => [r.fields.name, r.fields.notes ?? ''])).toEqual([
        ['Fold', notes],
        ['Just A Name', ''],
      ])
    }
  })

  // Everything but the characters the exporter deliberately drops: C0 and C1 control characters
  // other than tab, LF and CR (vCard text cannot carry them). CR and CRLF become LF on export.
  const special = fc.constantFrom(
    ',',
    ';',
    ':',
    '\\',
    '\\n',
    '\\,',
    '\n',
    '\r',
    '\r\n',
    '\t',
    ' ',
    '"',
    '，',
    '、',
    '\u3000',
    '\u00a0',
    '\u2028',
    '\ufeff',
    'é',
    '王',
    '😀',
    '🧗‍♀️',
    '=',
    '^',
    'END:VCARD',
    'item1.X-ABLabel:',
  )
  const piece = fc.oneof(
    special,
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
  )
  const noControls = (s: string) => s.replace(/(?![\t\n\r])\p{Cc}/gu, '')
  const text = (maxLength: number) => fc.string({ unit: piece, maxLength }).map(noControls)
  const lineEnds = (s: string) => s.replace(/\r\n|\r/g, '\n')
  const valid =
    <T>(schema: z.ZodType<T>) =>
    (value: unknown) =>
      schema.safeParse(value).success
  const tagArb = text(30).filter(valid(contactFieldsShape.tags.unwrap().element))
  const nameArb = text(60).filter(valid(contactFieldsShape.name))

  it('preserves any name, notes and tags the model accepts', () => {
    fc.assert(
      fc.property(nameArb, text(400), fc.array(tagArb, { maxLength: 8 }), (name, notes, tags) => {
        const original = contact({ name, notes, tags })
        const rows = parseVCards(contactsToVCard([original]))
        expect(rows).toHaveLength(1)
        expect(rows[0]!.errors).toEqual([])
        const got = editable(rows[0]!.fields)
        // The model trims name and tags after the line ends became LF, as it would on save.
        expect(got.name).toBe(lineEnds(original.name).trim())
        expect(got.notes).toBe(lineEnds(original.notes))
        expect(got.tags).toEqual(original.tags.map((t) => lineEnds(t).trim()))
      }),
      { numRuns: 500 },
    )
  })

  it('preserves notes that are only whitespace', () => {
    for (const notes of [' ', '\n', '\t\t']) {
      const rows = parseVCards(contactsToVCard([contact({ name: 'W', notes })]))
      expect(rows[0]!.fields.notes).toBe(notes)
    }
  })
})
