import { readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/main/core/openCore'
import type { CardScan, SavedCard } from '../../../src/shared/cards/cardOperations'
import type { Contact, FollowUp, RapportEvent } from '../../../src/shared/model'
import { call, quietCore } from '../helpers'
import type { CardTruth } from '../../fixtures/cards/makeCards'

const CARDS = 'tests/fixtures/cards/'
const truths = JSON.parse(await readFile(`${CARDS}truth.json`, 'utf8')) as CardTruth[]
const image = async (file: string) => (await readFile(CARDS + file)).toString('base64')

// Chinese, English and bilingual cards (makeCards.ts cycles through the three layouts).
const FIVE = ['card-01.jpg', 'card-02.jpg', 'card-03.jpg', 'card-05.jpg', 'card-06.jpg']

const now = new Date('2026-12-10T09:00:00.000Z')
// Each test has its own data folder (removed after it), so its own core.
let core: Core
beforeEach(async () => {
  core = await quietCore({ clock: { now: () => now } })
})
afterEach(async () => {
  await core.close()
})

describe('business cards read on the device', () => {
  it('reads name, phone and email from rendered cards in Chinese, English and both', async () => {
    for (const file of FIVE) {
      const truth = truths.find((t) => t.file === file)!
      const scan = await call<CardScan>(core, 'cards.scan', { image: await image(file) })
      expect({
        file,
        name: scan.fields.name,
        phones: scan.fields.phones,
        emails: scan.fields.emails,
      }).toEqual({ file, name: truth.name, phones: truth.phones, emails: truth.emails })
    }
  }, 60_000)

  it('refuses what is not an image, and anything over 10 MB, writing nothing', async () => {
    const before = core.revision()
    await expect(
      call(core, 'cards.scan', { image: Buffer.from('not a picture').toString('base64') }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('JPEG, PNG') })
    await expect(call(core, 'cards.scan', { image: 'a'.repeat(14_000_001) })).rejects.toMatchObject(
      {
        code: 'VALIDATION',
      },
    )
    await expect(
      call(core, 'cards.save', {
        fields: { name: 'X', title: '', organization: '', phones: [], emails: [] },
        image: 'QUJD',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(core.revision()).toBe(before)
  })

  it('saves a card at an event: contact, its photo, the card received and the 24-hour follow-up', async () => {
    const event = await call<RapportEvent>(core, 'events.create', {
      name: 'AI Product Summit',
      startsAt: '2026-12-10T01:00:00.000Z',
      timeZone: 'Asia/Shanghai',
    })
    const photo = await image('card-01.jpg')
    const scan = await call<CardScan>(core, 'cards.scan', { image: photo })
    expect(scan.duplicates).toEqual([])
    const saved = await call<SavedCard>(core, 'cards.save', {
      fields: { ...scan.fields, title: '首席执行官' },
      image: photo,
      eventId: event.id,
    })
    expect(saved.merged).toBe(false)
    expect(saved.contact).toMatchObject({
      name: '陈子涵',
      familyName: '陈',
      givenName: '子涵',
      role: '首席执行官',
      organization: '深圳极光智能科技有限公司',
      phones: [{ value: '+8618607794645' }],
      emails: [{ value: 'zihan.chen@jiguang-ai.com' }],
      photo: expect.stringMatching(/^sha256-[0-9a-f]{64}\.jpg$/),
    })
    expect(saved.encounter).toMatchObject({ eventId: event.id, cardReceived: true })
    const followUp = saved.followUps.find((f: FollowUp) => f.reason === 'afterMeeting')
    expect(followUp).toBeDefined()
    expect(Date.parse(followUp!.dueAt) - Date.parse(saved.encounter.at)).toBeLessThanOrEqual(
      24 * 3600 * 1000,
    )

    // The same card again is that person, by email and phone; confirming merges into them.
    const again = await call<CardScan>(core, 'cards.scan', { image: photo })
    expect(again.duplicates[0]).toMatchObject({
      id: saved.contact.id,
      reasons: expect.arrayContaining(['email', 'phone']),
    })
    const merged = await call<SavedCard>(core, 'cards.save', {
      fields: { ...again.fields, wechat: 'chenzihan88' },
      mergeIntoId: saved.contact.id,
    })
    expect(merged.merged).toBe(true)
    const contacts = await call<Contact[]>(core, 'contacts.list', {})
    expect(contacts.filter((c) => c.name === '陈子涵')).toHaveLength(1)
    expect(merged.contact.links).toContainEqual({ kind: 'wechat', value: 'chenzihan88' })
    expect(merged.contact.role).toBe('首席执行官')
  }, 30_000)

  it('says which event is unknown and saves nothing', async () => {
    const before = core.revision()
    await expect(
      call(core, 'cards.save', {
        fields: { name: 'Ada', title: '', organization: '', phones: [], emails: [] },
        eventId: '00000000-0000-4000-8000-000000000000',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(core.revision()).toBe(before)
  })
})
