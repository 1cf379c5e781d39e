import fc from 'fast-check'
import { describe, expect, it, onTestFinished } from 'vitest'
import {
  facetCounts,
  fold,
  prepareContactSearch,
  searchContacts,
  searchTerms,
  searchTuning,
  type ContactQuery,
} from '../../src/main/core/contacts/contactSearch'
import { contactSchema, type Contact } from '../../src/shared/model'

let serial = 0
function person(name: string, fields: Partial<Contact> = {}): Contact {
  serial += 1
  const stamp = new Date(Date.UTC(2024, 0, 1) + serial * 60_000).toISOString()
  return contactSchema.parse({
    id: `c${String(serial).padStart(4, '0')}`,
    createdAt: stamp,
    updatedAt: stamp,
    name,
    ...fields,
  })
}

const zhangWei = person('张伟', { organization: '腾讯', tags: ['Investor'] })
const ouyang = person('欧阳娜娜', { role: '设计师' })
const wangFang = person('王芳', { tier: 'close', ecosystem: 'media' })
const ada = person('Ada Lovelace', {
  organization: 'Analytical Engines',
  role: 'Mathematician',
  tags: ['mentor', 'alumni'],
  emails: [{ label: 'work', value: 'ada@engines.example' }],
  tier: 'life',
  ecosystem: 'work',
})
const grace = person('Grace Hopper', {
  organization: 'Navy',
  notes: 'Met at the compiler meetup in Shanghai',
  tags: ['mentor'],
  phones: [{ label: 'mobile', value: '+1 555 0100 200' }],
  tier: 'close',
  ecosystem: 'government',
})
const muller = person('Jürgen Müller', { nickname: 'Jogi', organization: 'Ada Labs' })
const zhangLatin = person('Wei Zhang', { organization: 'Kite Ventures', tier: 'good' })
const archived = person('Zhang Archived', { archived: true, tags: ['mentor'] })
const all = [zhangWei, ouyang, wangFang, ada, grace, muller, zhangLatin, archived]

const names = (query: ContactQuery, contacts: readonly Contact[] = all): string[] =>
  searchContacts(contacts, query).items.map((c) => c.name)

describe('searchContacts: Chinese names', () => {
  it.each(['zw', 'zhang', 'zhangw', 'zhangwei', 'zhang wei', 'wei zhang', '张', '张伟', 'ZHANG'])(
    'finds 张伟 by %j',
    (text) => {
      expect(names({ text })).toContain('张伟')
    },
  )

  it.each(['oy', 'ouyang', 'oynn', 'ouyangnana', 'nana', '欧阳'])(
    'finds 欧阳娜娜 by %j',
    (text) => {
      expect(names({ text })).toContain('欧阳娜娜')
    },
  )

  it('reads surnames as surnames and takes both spellings of ü', () => {
    const contacts = [person('曾小明'), person('单田芳'), person('吕布')]
    expect(names({ text: 'zeng' }, contacts)).toEqual(['曾小明'])
    expect(names({ text: 'shantian' }, contacts)).toEqual(['单田芳'])
    expect(names({ text: 'lvbu' }, contacts)).toEqual(['吕布'])
    expect(names({ text: 'lubu' }, contacts)).toEqual(['吕布'])
    expect(names({ text: 'lb' }, contacts)).toEqual(['吕布'])
  })

  it('matches pinyin only at syllable starts', () => {
    expect(names({ text: 'angwei' })).not.toContain('张伟')
    expect(names({ text: 'hangw' })).not.toContain('张伟')
  })

  it('finds Chinese organisations and roles by pinyin too', () => {
    expect(names({ text: 'tengxun' })).toEqual(['张伟'])
    expect(names({ text: 'sjs' })).toEqual(['欧阳娜娜'])
  })

  it('interleaves Chinese and Latin names by pinyin when sorting by name', () => {
    expect(names({})).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      'Jürgen Müller',
      '欧阳娜娜',
      '王芳',
      'Wei Zhang',
      '张伟',
    ])
  })
})

describe('searchContacts: matching', () => {
  it('finds Latin names case- and accent-insensitively', () => {
    expect(names({ text: 'lovelace' })).toEqual(['Ada Lovelace'])
    expect(names({ text: 'muller' })).toEqual(['Jürgen Müller'])
    expect(names({ text: 'MÜLL' })).toEqual(['Jürgen Müller'])
    expect(names({ text: 'jogi' })).toEqual(['Jürgen Müller'])
  })

  it('searches organisation, role, tags, notes, emails and phones', () => {
    expect(names({ text: 'analytical' })).toEqual(['Ada Lovelace'])
    expect(names({ text: 'mathem' })).toEqual(['Ada Lovelace'])
    expect(names({ text: 'alumni' })).toEqual(['Ada Lovelace'])
    expect(names({ text: 'compiler' })).toEqual(['Grace Hopper'])
    expect(names({ text: 'engines.example' })).toEqual(['Ada Lovelace'])
    expect(names({ text: '5550100' })).toEqual(['Grace Hopper'])
    expect(names({ text: '555 0100' })).toEqual(['Grace Hopper'])
  })

  it('requires every term to match (AND)', () => {
    expect(names({ text: 'ada' })).toEqual(['Ada Lovelace', 'Jürgen Müller'])
    expect(names({ text: 'ada labs' })).toEqual(['Jürgen Müller'])
    expect(names({ text: 'grace shanghai' })).toEqual(['Grace Hopper'])
    expect(names({ text: 'grace beijing' })).toEqual([])
  })

  it('ranks name starts, then name words, then name contains, then other fields', () => {
    const hopperOrg = person('Zed Quill', { organization: 'Hopper Freight' })
    const inside = person('Bob Grasshopper')
    const word = person('Ann Hopper')
    const start = person('Hopper Young')
    const contacts = [hopperOrg, inside, word, start, grace]
    expect(names({ text: 'hopper' }, contacts)).toEqual([
      'Hopper Young',
      'Ann Hopper',
      'Grace Hopper',
      'Bob Grasshopper',
      'Zed Quill',
    ])
  })

  it('treats blank text as no text', () => {
    expect(searchContacts(all, { text: '   ' }).total).toBe(7)
    expect(searchTerms('  a  B ')).toEqual(['a', 'b'])
  })
})

describe('searchContacts: filters', () => {
  it('hides archived contacts unless asked', () => {
    expect(names({ text: 'archived' })).toEqual([])
    expect(names({ text: 'archived', includeArchived: true })).toEqual(['Zhang Archived'])
  })

  it('filters by tags (all of them, any case), tiers and ecosystems (any of them)', () => {
    expect(names({ tags: ['MENTOR'] })).toEqual(['Ada Lovelace', 'Grace Hopper'])
    expect(names({ tags: ['mentor', 'alumni'] })).toEqual(['Ada Lovelace'])
    expect(names({ tags: ['investor'], text: 'zw' })).toEqual(['张伟'])
    expect(names({ tiers: ['close', 'life'] })).toEqual(['Ada Lovelace', 'Grace Hopper', '王芳'])
    expect(names({ ecosystems: ['media', 'government'] })).toEqual(['Grace Hopper', '王芳'])
    expect(names({ tiers: [], ecosystems: [], tags: [] })).toHaveLength(7)
  })

  it('pre-filters by ids', () => {
    const ids = new Set([ada.id, zhangWei.id, archived.id])
    expect(names({ ids })).toEqual(['Ada Lovelace', '张伟'])
    expect(names({ ids, text: 'zhang' })).toEqual(['张伟'])
    expect(names({ ids, includeArchived: true, text: 'zhang' })).toEqual(['Zhang Archived', '张伟'])
  })
})

describe('searchContacts: order and paging', () => {
  it('sorts by the requested field and direction', () => {
    const by = (sort: ContactQuery['sort']) => names({ sort })
    expect(by({ by: 'name', direction: 'desc' })).toEqual([...by(undefined)].reverse())
    expect(by({ by: 'tier', direction: 'asc' })).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      '王芳',
      'Wei Zhang',
      'Jürgen Müller',
      '欧阳娜娜',
      '张伟',
    ])
    // Contacts without an organisation come last either way.
    expect(by({ by: 'organization', direction: 'asc' })).toEqual([
      'Jürgen Müller',
      'Ada Lovelace',
      'Wei Zhang',
      'Grace Hopper',
      '张伟',
      '欧阳娜娜',
      '王芳',
    ])
    expect(by({ by: 'organization', direction: 'desc' }).slice(0, 5)).toEqual([
      '张伟',
      'Grace Hopper',
      'Wei Zhang',
      'Ada Lovelace',
      'Jürgen Müller',
    ])
    const created = all.filter((c) => !c.archived).map((c) => c.name)
    expect(by({ by: 'createdAt', direction: 'asc' })).toEqual(created)
    expect(by({ by: 'createdAt', direction: 'desc' })).toEqual([...created].reverse())
  })

  it('follows the latest version of a record and of the array', () => {
    const contacts = [ada, grace]
    expect(names({ text: 'babbage' }, contacts)).toEqual([])
    // The store replaces records and edits its array in place.
    contacts[0] = { ...ada, notes: 'Worked with Babbage' }
    expect(names({ text: 'babbage' }, contacts)).toEqual(['Ada Lovelace'])
    contacts.push(person('Charles Babbage'))
    expect(names({ text: 'babbage' }, contacts)).toEqual(['Charles Babbage', 'Ada Lovelace'])
  })

  it.each([512, 2])(
    'patches its cached order after edits as a fresh sort would (chunks of %i)',
    (chunkSize) => {
      const texts = ['', 'a', 'zh', 'wang', '王', 'mentor', 'li na']
      const search = (contacts: readonly Contact[], text: string) =>
        searchContacts(contacts, { text, includeArchived: true }).items.map((c) => c.id)
      const fresh = (contacts: readonly Contact[]) => [...contacts].reverse()
      const edit = fc.record({
        at: fc.nat(),
        name: fc.constantFrom('王芳', '李娜', 'Ann Lee', 'Zhang Wei', '张伟', 'Bob'),
        tags: fc.subarray(['mentor', 'press']),
        archived: fc.boolean(),
        kind: fc.constantFrom('replace', 'append', 'delete'),
      })
      const saved = searchTuning.chunkSize
      searchTuning.chunkSize = chunkSize
      onTestFinished(() => {
        searchTuning.chunkSize = saved
      })
      fc.assert(
        fc.property(
          fc.array(fc.array(edit, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }),
          (batches) => {
            let contacts = all.concat(all.map((c) => ({ ...c, id: `${c.id}-copy` })))
            for (const text of texts) search(contacts, text)
            for (const batch of batches) {
              let patched: string[][] = []
              for (const { at, kind, ...fields } of batch) {
                // As the store does: replace a record in place, push a new one, or filter.
                const index = at % contacts.length
                if (kind === 'append') contacts.push(person(fields.name, fields))
                else if (kind === 'delete') contacts = contacts.filter((_, k) => k !== index)
                else contacts[index] = { ...contacts[index]!, ...fields }
                patched = texts.map((text) => search(contacts, text))
              }
              // A reversed copy differs everywhere, so it is sorted afresh; the next batch then
              // patches that copy's cached order.
              contacts = fresh(contacts)
              expect(texts.map((text) => search(contacts, text))).toEqual(patched)
            }
          },
        ),
        { numRuns: 50 },
      )
    },
  )

  it('pages with offset and limit and reports the total', () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      person(`Person ${String(i).padStart(2, '0')}`),
    )
    const page = searchContacts(many, { text: 'person', offset: 10, limit: 5 })
    expect(page.total).toBe(25)
    expect(page.items.map((c) => c.name)).toEqual([
      'Person 10',
      'Person 11',
      'Person 12',
      'Person 13',
      'Person 14',
    ])
    expect(searchContacts(many, { offset: 23, limit: 5 }).items).toHaveLength(2)
    expect(searchContacts(many, { offset: 30 }).items).toEqual([])
    expect(searchContacts(many, { limit: 0 })).toEqual({ total: 25, items: [] })
  })
})

describe('prepareContactSearch', () => {
  it('builds ahead what a search would build, with the same results', async () => {
    const contacts = Array.from({ length: 40 }, (_, i) => ({
      ...all[i % all.length]!,
      id: `p${i}`,
    }))
    await prepareContactSearch(contacts, 7)
    await prepareContactSearch([])
    const prepared = searchContacts(contacts, { text: 'zh' })
    expect(prepared.total).toBe(10)
    expect(searchContacts([...contacts].reverse(), { text: 'zh' })).toEqual(prepared)
  })
})

describe('facetCounts', () => {
  it('counts tags, tiers and ecosystems over active contacts', () => {
    const facets = facetCounts([...all, person('Tag Case', { tags: ['MENTOR', 'mentor'] })])
    expect(facets.total).toBe(8)
    expect(facets.tags).toEqual([
      { tag: 'mentor', count: 3 },
      { tag: 'alumni', count: 1 },
      { tag: 'Investor', count: 1 },
    ])
    expect(facets.tiers).toEqual({ life: 1, close: 2, good: 1, outside: 4 })
    expect(facets.ecosystems).toMatchObject({ work: 1, media: 1, government: 1, finance: 0 })
    expect(facetCounts(all, { includeArchived: true }).tiers.outside).toBe(4)
  })
})

describe('searchContacts: properties', () => {
  const syllables = ['zhang', 'wang', 'li', 'an', 'na', 'lu', 'ou', 'yang']
  const arbitraryContact = fc
    .record({
      name: fc.oneof(
        fc.constantFrom('张伟', '王芳', '李娜', '欧阳娜娜', '吕安', 'Ann Lee', 'Zoë Wang', 'Li Na'),
        fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ''),
      ),
      organization: fc.constantFrom('', 'Kite', '腾讯', 'Lumen Health'),
      tags: fc.subarray(['mentor', 'press', 'Alumni']),
      tier: fc.constantFrom('life', 'close', 'good', 'outside'),
      ecosystem: fc.constantFrom(undefined, 'work', 'media'),
      archived: fc.boolean(),
    })
    .map(({ ecosystem, ...fields }) =>
      person(fields.name, { ...fields, ...(ecosystem ? { ecosystem } : {}) }),
    )
  const arbitraryQuery = fc.record({
    text: fc.array(fc.oneof(fc.constantFrom(...syllables), fc.string({ maxLength: 3 })), {
      maxLength: 3,
    }),
    tags: fc.subarray(['mentor', 'press', 'alumni']),
    tiers: fc.subarray(['life', 'close', 'good', 'outside'] as const),
    includeArchived: fc.boolean(),
    pick: fc.option(fc.nat(), { nil: undefined }),
  })

  it('never returns a contact outside the filters, and every term occurs in its keys', () => {
    fc.assert(
      fc.property(fc.array(arbitraryContact, { maxLength: 30 }), arbitraryQuery, (contacts, q) => {
        const ids =
          q.pick === undefined
            ? undefined
            : new Set(contacts.filter((_, i) => i % ((q.pick! % 3) + 1) === 0).map((c) => c.id))
        const query: ContactQuery = {
          text: q.text.join(' '),
          tags: q.tags,
          tiers: q.tiers,
          includeArchived: q.includeArchived,
          ...(ids ? { ids } : {}),
        }
        const { total, items } = searchContacts(contacts, query)
        expect(items).toHaveLength(total)
        expect(new Set(items.map((c) => c.id)).size).toBe(total)
        for (const contact of items) {
          expect(contacts).toContain(contact)
          if (!q.includeArchived) expect(contact.archived).toBe(false)
          if (ids) expect(ids.has(contact.id)).toBe(true)
          if (q.tiers.length) expect(q.tiers).toContain(contact.tier)
          for (const tag of q.tags) expect(contact.tags.map(fold)).toContain(tag)
        }
        // Searching again for each result's own name always finds it.
        for (const contact of items.slice(0, 3)) {
          const again = searchContacts(contacts, { ...query, text: contact.name })
          expect(again.items).toContain(contact)
        }
      }),
    )
  })

  it('narrows as a term grows, keystroke by keystroke', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryContact, { minLength: 1, maxLength: 30 }),
        fc.constantFrom('zhangwei', 'ouyang', 'annlee', 'lumen', 'wangfang', 'lvan'),
        (contacts, word) => {
          let previous = new Set(contacts)
          for (let end = 1; end <= word.length; end += 1) {
            const found = searchContacts(contacts, { text: word.slice(0, end) }).items
            for (const contact of found) expect(previous.has(contact)).toBe(true)
            previous = new Set(found)
          }
        },
      ),
    )
  })
})
