import { describe, expect, it } from 'vitest'
import { contactSchema, eventSchema, type Contact } from '../../src/shared/model'
import { coreRadar, networkWeights } from '../../src/main/core/events/coreRadar'
import { followUpDraft, proposedSlots } from '../../src/main/core/events/followUpDraft'
import { mentionNames } from '../../src/main/core/events/mentionNames'
import { parsePeople } from '../../src/main/core/events/peopleImport'
import { createPersonMatcher } from '../../src/main/core/events/personMatch'
import { positioningFit } from '../../src/main/core/events/positioningFit'
import { worthItScore } from '../../src/main/core/events/worthItScore'

const T = '2026-11-01T00:00:00.000Z'
const event = (over: Record<string, unknown> = {}) =>
  eventSchema.parse({
    id: 'e1',
    createdAt: T,
    updatedAt: T,
    name: 'Summit',
    startsAt: '2026-12-10T01:00:00.000Z',
    timeZone: 'Asia/Shanghai',
    ...over,
  })
const contact = (id: string, over: Record<string, unknown> = {}): Contact =>
  contactSchema.parse({ id, createdAt: T, updatedAt: T, name: id, ...over })

describe('worth-it score', () => {
  it('ranks a global event with a reason, key contacts and targets above a bare city meetup', () => {
    const bare = worthItScore(event({ level: 'city' }))
    const strong = worthItScore(
      event({
        level: 'global',
        whyItMatters: 'The three buyers I need are all speaking there',
        keyContactIds: ['a', 'b'],
        targets: [{ contactId: 'a', rank: 1 }],
        stretchesComfortZone: true,
      }),
    )
    expect(strong.score).toBeGreaterThan(bare.score)
    expect(strong.reasons.map((r) => r.key)).toEqual([
      'level.global',
      'why',
      'keyContacts',
      'targets',
      'stretch',
    ])
    expect(strong.reasons.find((r) => r.key === 'keyContacts')?.count).toBe(2)
    expect(bare.reasons.map((r) => r.key)).toContain('noWhy')
  })

  it('shows a declined invitation as a reason against, and stays within 0..100', () => {
    const declined = worthItScore(
      event({ access: { route: 'ticket', status: 'declined', helperIds: [] } }),
    )
    expect(declined.reasons.at(-1)).toMatchObject({ key: 'declined' })
    expect(declined.score).toBe(0)
    const maxed = worthItScore(
      event({
        level: 'global',
        whyItMatters: 'x'.repeat(50),
        keyContactIds: Array.from({ length: 20 }, (_, i) => `k${i}`),
        targets: Array.from({ length: 20 }, (_, i) => ({ contactId: `t${i}`, rank: i + 1 })),
        stretchesComfortZone: true,
        access: { route: 'ticket', status: 'ticketBought', helperIds: [] },
      }),
    )
    expect(maxed.score).toBeLessThanOrEqual(100)
    expect(maxed.score).toBe(100)
  })
})

describe('matching listed people to contacts', () => {
  const contacts = [
    contact('ada', {
      name: 'Ada Lovelace',
      organization: 'Analytical',
      emails: [{ value: 'Ada@Example.com' }],
    }),
    contact('lin', {
      name: 'Lin Wei',
      organization: 'Pujiang Labs',
      links: [{ kind: 'linkedin', value: 'https://www.linkedin.com/in/lin-wei/' }],
    }),
    contact('wang', { name: '王小明', organization: '极客会展' }),
    contact('solo', { name: 'Li Na' }),
  ]
  const match = createPersonMatcher(contacts)
  const person = (over: Partial<Parameters<typeof match>[0]>) => ({
    name: '',
    organization: '',
    email: '',
    linkedinUrl: '',
    ...over,
  })

  it('matches by email whatever the case, by LinkedIn profile whatever the URL form', () => {
    expect(match(person({ name: 'A. L.', email: ' ada@example.COM ' }))).toEqual({
      contactId: 'ada',
      by: 'email',
    })
    expect(match(person({ name: 'W. Lin', linkedinUrl: 'linkedin.com/in/Lin-Wei?trk=x' }))).toEqual(
      {
        contactId: 'lin',
        by: 'linkedin',
      },
    )
  })

  it('matches by name and organisation together, full-width letters included, never by name alone', () => {
    expect(match(person({ name: '王小明', organization: '极客会展' }))?.contactId).toBe('wang')
    expect(match(person({ name: 'ＬＩＮ  wei', organization: 'pujiang labs' }))?.contactId).toBe(
      'lin',
    )
    expect(match(person({ name: 'Li Na' }))).toBeNull()
    expect(match(person({ name: 'Ada Lovelace', organization: 'Other Co' }))).toBeNull()
  })

  it('reads LinkedIn China addresses and never takes a company page for a person', () => {
    expect(
      match(person({ name: 'Lin', linkedinUrl: 'https://www.linkedin.cn/incareer/in/lin-wei' })),
    ).toEqual({ contactId: 'lin', by: 'linkedin' })
    const withCompanyPage = createPersonMatcher([
      contact('acme', {
        name: 'Acme Fan',
        links: [{ kind: 'linkedin', value: 'https://www.linkedin.com/company/acme' }],
      }),
    ])
    // The old matcher compared whole paths: everyone who gave the company page was "Acme Fan".
    expect(
      withCompanyPage(person({ name: 'Someone', linkedinUrl: 'linkedin.com/company/acme/' })),
    ).toBeNull()
    expect(match(person({ name: 'X', linkedinUrl: 'https://example.com/in/lin-wei' }))).toBeNull()
  })

  it('matches 李 娜 at 北京字节跳动 to 李娜 at 字节跳动, but not a namesake with another email', () => {
    const m = createPersonMatcher([
      contact('li', {
        name: '李娜',
        organization: '字节跳动',
        emails: [{ value: 'lina@bytedance.com' }],
      }),
    ])
    expect(m(person({ name: '李 娜', organization: '北京字节跳动科技有限公司' }))).toEqual({
      contactId: 'li',
      by: 'nameAndOrganization',
    })
    expect(
      m(person({ name: '李娜', organization: '字节跳动', email: 'li.na@other.example' })),
    ).toBeNull()
  })
})

describe('reading speaker and attendee lists', () => {
  it('reads an Eventbrite export under its real headers', () => {
    const header =
      'Order #,Order Date,First Name,Last Name,Email,Quantity,Price Tier,Ticket Type,Attendee #,Order Type,Currency,Total Paid,Fees Paid,Eventbrite Fees,Eventbrite Payment Processing,Attendee Status,Cell Phone,Birth Date,Shipping Address 1,Shipping Address 2,Shipping City,Shipping State,Shipping Zip,Shipping Country'
    const row = (first: string, last: string, email: string) =>
      `1001,2026-11-02,${first},${last},${email},1,,General,1,Free Order,USD,0,0,0,0,Attending,,,,,,,,`
    const parsed = parsePeople(
      [header, row('Ada', 'Lovelace', 'ada@example.com'), row('', '', '')].join('\n'),
    )
    expect(parsed.people).toEqual([
      expect.objectContaining({ name: 'Ada Lovelace', email: 'ada@example.com' }),
    ])
  })

  it('reads a Luma export, BOM and LinkedIn question included, from GB18030 bytes too', () => {
    const header =
      '\uFEFFapi_id,name,first_name,last_name,email,phone_number,created_at,approval_status,checked_in_at,custom_source,qr_code_url,amount,amount_tax,amount_discount,currency,coupon_code,eth_address,solana_address,survey_response_rating,survey_response_feedback,ticket_type_id,ticket_name,What is your GitHub?,What is your LinkedIn profile?,Which track are you doing?,What do you plan to build? (you can change it later)'
    const row =
      'gst-1,王小明,小明,王,xm@example.cn,,2026-11-01,approved,,,,0,0,0,,,,,,,t1,Free,,https://linkedin.com/in/xiaoming,AI,agents'
    const parsed = parsePeople(`${header}\n${row}`)
    expect(parsed.people[0]).toMatchObject({
      name: '王小明',
      email: 'xm@example.cn',
      linkedinUrl: 'https://linkedin.com/in/xiaoming',
    })
  })

  it('reads a pasted list, one person per line', () => {
    const parsed = parsePeople(
      'Ada Lovelace, Analytical, CTO\n\n李雷，极客会展\ngrace@navy.mil, Grace Hopper',
    )
    expect(parsed.people.map((p) => [p.name, p.organization, p.title, p.email])).toEqual([
      ['Ada Lovelace', 'Analytical', 'CTO', ''],
      ['李雷', '极客会展', '', ''],
      ['Grace Hopper', '', '', 'grace@navy.mil'],
    ])
  })
})

describe('reading a pasted speaker list in any order', () => {
  const columns = (text: string) =>
    parsePeople(text).people.map((p) => [
      p.name,
      p.organization,
      p.title,
      p.email,
      p.phone,
      p.linkedinUrl,
    ])

  it('keeps the title apart from a LinkedIn link written after it', () => {
    expect(columns('孙强,红杉中国,合伙人 https://www.linkedin.com/in/sunqiang')).toEqual([
      ['孙强', '红杉中国', '合伙人', '', '', 'https://www.linkedin.com/in/sunqiang'],
    ])
  })

  it('takes an email and a phone out of the title and reads Chinese separators', () => {
    expect(
      columns(
        '合伙人 sq@sequoia.cn；红杉中国、孙强\n李娜｜字节跳动｜产品总监 电话：138 0013 8000\n张伟\t腾讯\tzw@tencent.com',
      ),
    ).toEqual([
      ['孙强', '红杉中国', '合伙人', 'sq@sequoia.cn', '', ''],
      ['李娜', '字节跳动', '产品总监', '', '138 0013 8000', ''],
      ['张伟', '腾讯', '', 'zw@tencent.com', '', ''],
    ])
  })

  it('finds the name, organisation and title in any order, in English too', () => {
    expect(
      columns(
        'Head of Research, Sequoia Capital, Ada Lovelace | linkedin.com/in/ada\n王小明 红杉中国 合伙人',
      ),
    ).toEqual([
      ['Ada Lovelace', 'Sequoia Capital', 'Head of Research', '', '', 'linkedin.com/in/ada'],
      ['王小明', '红杉中国', '合伙人', '', '', ''],
    ])
  })
})

describe('mentions', () => {
  it('splits names on commas, semicolons, the Chinese comma and new lines, once each', () => {
    expect(mentionNames('Ada Lovelace, Grace Hopper; 王小明、李雷\nada lovelace')).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      '王小明',
      '李雷',
    ])
    expect(mentionNames('  ')).toEqual([])
  })
})

describe('core-person radar', () => {
  const names: Record<string, string> = { a: 'Ann', b: 'Bob', c: 'Cai', x: 'Xu', y: 'Yan' }
  const mention = (contactId: string) => ({
    name: names[contactId]!,
    contactId,
    direction: 'iShouldMeet' as const,
  })

  it('ranks by distinct people who mentioned them, then by network weight, and marks targets met', () => {
    const radar = coreRadar({
      encounters: [
        { contactId: 'a', mentions: [mention('x'), mention('y')] },
        { contactId: 'b', mentions: [mention('x'), mention('x')] },
        { contactId: 'b', mentions: [mention('x')] },
        { contactId: 'c', mentions: [mention('y'), mention('c')] },
      ],
      targets: [{ contactId: 'x' }, { contactId: 'a' }],
      people: [],
      nameOf: (id) => names[id],
      weightOf: (id) => (id === 'y' ? 5 : 0),
    })
    // x: a and b (b twice still counts once) = 2; y: a and c = 2 but heavier; c naming itself does not count.
    expect(radar.map((r) => [r.name, r.mentionedBy])).toEqual([
      ['Yan', 2],
      ['Xu', 2],
      ['Ann', 0],
    ])
    expect(radar.find((r) => r.name === 'Xu')).toMatchObject({ isTarget: true, met: false })
    expect(radar.find((r) => r.name === 'Ann')).toMatchObject({ isTarget: true, met: true })
  })

  it('counts a prospect once whether named by name or by their list entry', () => {
    const radar = coreRadar({
      encounters: [
        { contactId: 'a', mentions: [{ name: 'Zoe', personId: 'p1', direction: 'iShouldMeet' }] },
        {
          contactId: 'b',
          mentions: [{ name: 'zoe', personId: 'p1', direction: 'theyShouldMeet' }],
        },
        { contactId: 'c', mentions: [{ name: 'Someone New', direction: 'iShouldMeet' }] },
      ],
      targets: [],
      people: [{ id: 'p1', name: 'Zoe Q' }],
      nameOf: (id) => names[id],
      weightOf: () => 0,
    })
    expect(radar[0]).toMatchObject({ name: 'Zoe Q', personId: 'p1', mentionedBy: 2 })
    expect(radar[1]).toMatchObject({ name: 'Someone New', mentionedBy: 1 })
  })

  it('weighs a contact by relationships and conversations', () => {
    const weight = networkWeights({
      relationships: [
        { fromId: 'a', toId: 'b' },
        { fromId: 'c', toId: 'a' },
      ],
      encounters: [{ contactId: 'a' }],
    })
    expect([weight('a'), weight('b'), weight('z')]).toEqual([3, 1, 0])
  })
})

describe('follow-up draft', () => {
  const me = {
    name: 'Mei Chen',
    email: 'mei@example.com',
    phone: '+86 138 0000 0000',
    wechat: 'meichen',
    valueProposition: 'I help AI product teams ship things customers trust.',
  }
  const captured = {
    howCanIHelp: 'looking for local government clients',
    theirAdvice: 'Start with ten paying customers before raising',
    seed: 'send her the pricing sheet',
    introduce: ['Lin Wei', 'Bo Zhao'],
  }

  it('thanks them for one thing they said, leaves the gift as a marked blank, introduces, repeats my details and proposes times', () => {
    const draft = followUpDraft({
      language: 'en',
      me,
      contact: { name: 'Ada Lovelace' },
      event: { name: 'China AI Product Summit', city: 'Shanghai' },
      captured,
      slots: ['Monday 10:00', 'Tuesday 15:00'],
    })
    expect(draft.subject).toContain('China AI Product Summit')
    expect(draft.body).toMatch(/^Hi Ada,/)
    expect(draft.body).toContain('Thank you for the conversation at China AI Product Summit.')
    expect(draft.body).toContain('("Start with ten paying customers before raising")')
    // Their need is a note about them: it goes inside the blank, never into a sentence to them.
    expect(draft.body).toContain('[Something of value for them')
    expect(draft.body).toContain('Your note: looking for local government clients]')
    expect(draft.body).not.toMatch(/As promised.*looking for/)
    expect(draft.body).toContain('you would like to meet Lin Wei and Bo Zhao')
    expect(draft.body).toContain(
      '[The promise to keep, in your words to them: send her the pricing sheet]',
    )
    expect(draft.body).toContain('in Shanghai')
    expect(draft.body).toContain('- Tuesday 15:00')
    expect(draft.body).toContain('Email: mei@example.com')
    expect(draft.body).toContain('WeChat: meichen')
  })

  it('writes natural Chinese with Chinese punctuation and spacing, and leaves notes in marked blanks', () => {
    const draft = followUpDraft({
      language: 'zh-CN',
      me: { ...me, phone: '138 0000 0000', wechat: '' },
      contact: { name: '王小明' },
      event: { name: 'China AI 大会', city: '上海' },
      captured: {
        howCanIHelp: '在找地方政府客户',
        theirAdvice: '先做十个付费客户再融资',
        seed: '发方案给她',
        introduce: ['黄磊', '吴敏'],
      },
      slots: ['12月14日 星期一 10:00'],
    })
    expect(draft.body).toMatch(/^王小明，你好！/)
    expect(draft.body).toContain('谢谢你在 China AI 大会和我聊了那么多。')
    expect(draft.body).toContain('你给我的建议“先做十个付费客户再融资”')
    expect(draft.body).toContain('【在这里写一样给对方的东西')
    expect(draft.body).toContain('你当时记下的：在找地方政府客户】')
    expect(draft.body).not.toContain('答应你的事，先发给你：在找')
    expect(draft.body).toContain('你说想认识黄磊和吴敏')
    expect(draft.body).toContain('【答应对方的事，用对对方说的话写在这里：发方案给她】')
    expect(draft.body).toContain('邮箱：mei@example.com')
    expect(draft.body).toContain('电话：138 0000 0000')
    expect(draft.body).not.toContain('微信')
    // No ASCII colon or comma in the Chinese text (addresses and times aside).
    expect(draft.body.replace(/[\w.@:-]+@[\w.-]+|\d{1,2}:\d{2}/g, '')).not.toMatch(
      /[A-Za-z\u4e00-\u9fff][,:]/,
    )
    expect(draft.body).not.toContain('Thank you')
  })

  it('leaves a marked blank when nothing was captured', () => {
    const draft = followUpDraft({
      language: 'zh-CN',
      me,
      contact: { name: '王小明' },
      event: { name: '中国 AI 产品创新大会', city: '上海' },
      slots: [],
    })
    expect(draft.body).toContain(
      '【在这里写一样给对方的东西：一个链接、一位可以联系的人或一条信息】',
    )
    expect(draft.body).not.toContain('答应对方的事')
  })

  it('says where to add my contact details when Settings has none', () => {
    const draft = followUpDraft({
      language: 'en',
      me: { name: '', email: '', phone: '', wechat: '', valueProposition: '' },
      contact: { name: 'Ada Lovelace', givenName: 'Ada' },
      event: { name: 'Summit', city: '' },
      slots: [],
    })
    expect(draft.body).toContain('[My contact details: add them in Settings]')
    expect(draft.body).toContain('Could we meet again for a coffee?')
  })

  it('proposes three working-day times starting two days out, in the event time zone', () => {
    // Thursday 2026-12-10 at noon in Shanghai: Saturday and Sunday are skipped.
    const slots = proposedSlots(new Date('2026-12-10T04:00:00Z'), 'Asia/Shanghai', 'en')
    expect(slots).toEqual([
      'Monday, December 14 10:00',
      'Tuesday, December 15 15:00',
      'Wednesday, December 16 10:00',
    ])
  })
})

describe('positioning fit', () => {
  const positioning = {
    whatIWantToDo: 'Help AI product teams',
    forWhom: 'product leads',
    whatTheyNeed: '',
    whatChanges: '',
    valueProposition: '',
  }
  it('notes a mismatch only when both sides say something', () => {
    expect(
      positioningFit(
        { name: 'Knitting fair', series: '', whyItMatters: 'Yarn suppliers meet' },
        positioning,
      ),
    ).toBe('mismatch')
    expect(
      positioningFit(
        { name: 'Summit', series: '', whyItMatters: 'AI product leads from all over' },
        positioning,
      ),
    ).toBe('fits')
    expect(
      positioningFit({ name: 'Knitting fair', series: '', whyItMatters: '' }, positioning),
    ).toBe('unknown')
  })
})
