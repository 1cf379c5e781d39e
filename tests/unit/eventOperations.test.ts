import { describe, expect, it } from 'vitest'
import type { Clock } from '../../src/main/core/clock'
import { capture } from '../../src/main/core/events/operations/capture'
import { removePerson, restorePerson } from '../../src/main/core/events/operations/eventPeople'
import { openJournaledStore } from '../../src/main/core/store/journaledStore'
import { contactSchema, emptyStoreData, eventSchema, type StoreData } from '../../src/shared/model'
import { tempDir } from './helpers'

// Each operation module is called on its own: a store, a clock and the parsed input, no core.
const AT = '2026-12-01T08:00:00.000Z'
const clock: Clock = { now: () => new Date('2026-12-10T03:00:00.000Z') }
const stamps = { createdAt: AT, updatedAt: AT }

const ada = contactSchema.parse({ id: 'ada', name: 'Ada Lovelace', ...stamps })
const summit = eventSchema.parse({
  id: 'summit',
  name: 'AI Product Summit',
  startsAt: '2026-12-10T01:00:00.000Z',
  timeZone: 'Asia/Shanghai',
  city: 'Shanghai',
  level: 'national',
  targets: [
    {
      contactId: 'ada',
      rank: 1,
      talkingPoints: '',
      mustMeet: true,
      stage: 'paused',
      pausedReason: 'travelling',
    },
  ],
  people: [
    {
      id: 'p-grace',
      name: 'Grace Hopper',
      organization: 'Navy',
      title: 'Rear Admiral',
      email: 'grace@navy.example',
      linkedinUrl: '',
      role: 'speaker',
    },
    {
      id: 'p-alan',
      name: 'Alan Turing',
      organization: '',
      title: '',
      email: '',
      linkedinUrl: '',
      role: 'attendee',
    },
  ],
  ...stamps,
})

async function storeWith(records: Partial<StoreData>) {
  const store = await openJournaledStore({
    dir: await tempDir(),
    holder: 'test',
    initialData: () => ({ ...emptyStoreData(), ...structuredClone(records) }),
    backups: false,
    watchIntervalMs: 0,
  })
  await store.ready()
  return store
}

describe('the capture operation on its own', () => {
  it('records the conversation at the event, a follow-up due within 24 hours, and moves the target to met', async () => {
    const store = await storeWith({ contacts: [ada], events: [summit] })
    const { encounter, followUps } = await capture(
      { store, clock },
      { eventId: 'summit', contactId: 'ada', howCanIHelp: 'Intro to a compiler team' },
    )

    const data = store.read()
    expect(data.encounters).toEqual([encounter])
    expect(encounter).toMatchObject({
      contactId: 'ada',
      eventId: 'summit',
      at: clock.now().toISOString(),
      howCanIHelp: 'Intro to a compiler team',
    })
    const afterMeeting = data.followUps.find((f) => f.reason === 'afterMeeting')
    expect(afterMeeting).toEqual(followUps[0])
    expect(afterMeeting).toMatchObject({ contactId: 'ada', eventId: 'summit', status: 'open' })
    expect(Date.parse(afterMeeting!.dueAt) - Date.parse(encounter.at)).toBe(24 * 3_600_000)
    // Met now: no longer paused, and the pause's reason is gone with it.
    expect(store.find('events', 'summit')?.targets).toEqual([
      { contactId: 'ada', rank: 1, talkingPoints: '', mustMeet: true, stage: 'met' },
    ])
    expect(store.find('contacts', 'ada')?.firstMet).toMatchObject({
      date: '2026-12-10',
      place: 'AI Product Summit',
    })
  })

  it('turns a new name on the list into one card that keeps the list’s details, and links the row', async () => {
    const store = await storeWith({ events: [summit] })
    const { contact } = await capture(
      { store, clock },
      { eventId: 'summit', newContact: { name: 'grace hopper' }, whomShouldIMeet: 'Alan Turing' },
    )

    expect(store.read().contacts).toEqual([contact])
    expect(contact).toMatchObject({
      organization: 'Navy',
      role: 'Rear Admiral',
      emails: [{ label: 'work', value: 'grace@navy.example' }],
    })
    const event = store.find('events', 'summit')!
    expect(event.people.map((p) => [p.name, p.contactId])).toEqual([
      ['Grace Hopper', contact.id],
      ['Alan Turing', undefined],
    ])
    expect(store.read().encounters[0]?.mentions).toEqual([
      { name: 'Alan Turing', direction: 'iShouldMeet', personId: 'p-alan' },
    ])
  })

  it('changes nothing when the event does not exist', async () => {
    const store = await storeWith({ contacts: [ada] })
    await expect(
      capture({ store, clock }, { eventId: 'gone', contactId: 'ada' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(store.read().encounters).toEqual([])
    expect(store.read().followUps).toEqual([])
  })
})

describe('removing and restoring a person on the list', () => {
  it('puts a removed speaker back in the same place', async () => {
    const store = await storeWith({ events: [summit] })
    const removed = await removePerson({ store, clock }, { eventId: 'summit', personId: 'p-grace' })
    expect(store.find('events', 'summit')?.people.map((p) => p.name)).toEqual(['Alan Turing'])
    await restorePerson({ store, clock }, removed)
    expect(store.find('events', 'summit')?.people.map((p) => p.name)).toEqual([
      'Grace Hopper',
      'Alan Turing',
    ])
  })
})
