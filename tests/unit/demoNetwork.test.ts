import { describe, it, expect } from 'vitest'
import { buildDemoNetwork } from '../../src/main/core/demo/demoNetwork'
import { cadenceFollowUps } from '../../src/main/core/followUps/followUpRules'
import { overdueContacts } from '../../src/main/core/contacts/cardInsights'
import type { DemoRecords } from '../../src/main/core/demo/demoNetwork'
import { collectionSchemas, emptyStoreData, ME_ID } from '../../src/shared/model'
import type { Language } from '../../src/shared/model'

const NOW = new Date('2025-03-14T06:30:00.000Z')
const CJK = /[\u4e00-\u9fff]/

// The demo network has no help ledger entries (yet) and leaves map positions to the map's
// first layout, and has never synced with a phone; every other collection it fills.
const {
  helps: _helps,
  mapLayouts: _mapLayouts,
  syncStates: _syncStates,
  syncLog: _syncLog,
  syncConflicts: _syncConflicts,
  duplicateDismissals: _duplicateDismissals,
  ...schemas
} = collectionSchemas

const languages: Language[] = ['zh-CN', 'en']

type AnyRecord = { id: string; createdAt: string; updatedAt: string; demo?: boolean }

function allRecords(data: DemoRecords): AnyRecord[] {
  return Object.keys(schemas).flatMap((name): AnyRecord[] => data[name as keyof DemoRecords])
}

describe.each(languages)('buildDemoNetwork (%s)', (language) => {
  const data = buildDemoNetwork(language, NOW)
  const contactIds = new Set(data.contacts.map((c) => c.id))
  const eventIds = new Set(data.events.map((e) => e.id))
  const encounterIds = new Set(data.encounters.map((e) => e.id))
  const communityIds = new Set(data.communities.map((c) => c.id))

  it('has about thirty contacts and something in every collection', () => {
    expect(data.contacts.length).toBeGreaterThanOrEqual(28)
    expect(data.contacts.length).toBeLessThanOrEqual(32)
    for (const name of Object.keys(schemas) as (keyof DemoRecords)[]) {
      expect(data[name].length, name).toBeGreaterThan(0)
    }
    expect(data.relationships.length).toBeGreaterThanOrEqual(8)
  })

  it('parses every record with its schema and marks it as demo', () => {
    for (const [name, schema] of Object.entries(schemas)) {
      for (const record of data[name as keyof DemoRecords]) {
        expect(schema.safeParse(record).success, `${name} ${record.id}`).toBe(true)
        expect(record.demo, record.id).toBe(true)
      }
    }
  })

  it('uses unique, deterministic ids', () => {
    const ids = allRecords(data).map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.every((id) => id.startsWith('demo-'))).toBe(true)
    expect(buildDemoNetwork(language, NOW)).toEqual(data)
  })

  it('only references records that exist', () => {
    const missing: string[] = []
    const check = (id: string | undefined, set: Set<string>, where: string) => {
      if (id !== undefined && !set.has(id)) missing.push(`${where}: ${id}`)
    }
    for (const c of data.contacts) check(c.introducedById, contactIds, `contact ${c.id}`)
    for (const e of data.events) {
      for (const target of e.targets) check(target.contactId, contactIds, `target of ${e.id}`)
      for (const helper of e.access?.helperIds ?? []) check(helper, contactIds, `helper of ${e.id}`)
    }
    for (const e of data.encounters) {
      check(e.contactId, contactIds, `encounter ${e.id}`)
      check(e.eventId, eventIds, `encounter ${e.id}`)
      for (const m of e.mentions) check(m.contactId, contactIds, `mention in ${e.id}`)
    }
    for (const f of data.followUps) {
      check(f.contactId, contactIds, `follow-up ${f.id}`)
      check(f.eventId, eventIds, `follow-up ${f.id}`)
      check(f.encounterId, encounterIds, `follow-up ${f.id}`)
    }
    for (const c of data.communities) {
      for (const m of c.members) check(m.contactId, contactIds, `member of ${c.id}`)
    }
    for (const g of data.gatherings) {
      check(g.communityId, communityIds, `gathering ${g.id}`)
      for (const a of g.attendees) check(a.contactId, contactIds, `attendee of ${g.id}`)
      for (const seat of g.seating) {
        if (seat.personId !== ME_ID) check(seat.personId, contactIds, `seat in ${g.id}`)
      }
    }
    for (const r of data.relationships) {
      check(r.fromId, contactIds, `relationship ${r.id}`)
      check(r.toId, contactIds, `relationship ${r.id}`)
    }
    expect(missing).toEqual([])
  })

  it('has an upcoming event with ranked targets and a past one', () => {
    const future = data.events.filter((e) => Date.parse(e.startsAt) > NOW.getTime())
    const pastEvents = data.events.filter((e) => Date.parse(e.startsAt) < NOW.getTime())
    expect(future.length).toBeGreaterThanOrEqual(1)
    expect(pastEvents.length).toBeGreaterThanOrEqual(1)
    const upcoming = future[0]!
    expect(upcoming.targets.length).toBeGreaterThanOrEqual(5)
    expect(upcoming.targets.map((t) => t.rank)).toEqual(upcoming.targets.map((_, i) => i + 1))
    expect(upcoming.access?.helperIds.length).toBeGreaterThan(0)
  })

  it('has encounters at the past event, with a follow-up due 24 hours after each', () => {
    expect(data.encounters.length).toBeGreaterThanOrEqual(6)
    for (const encounter of data.encounters) {
      expect(Date.parse(encounter.at)).toBeLessThan(NOW.getTime())
      const followUp = data.followUps.find((f) => f.encounterId === encounter.id && !f.promise)
      expect(followUp, encounter.id).toBeDefined()
      expect(Date.parse(followUp!.dueAt) - Date.parse(encounter.at)).toBe(24 * 3_600_000)
    }
  })

  it('has overdue, late, on-time and upcoming follow-ups', () => {
    const now = NOW.getTime()
    const open = data.followUps.filter((f) => !f.doneAt)
    const overdue = open.filter((f) => Date.parse(f.dueAt) < now)
    const upcoming = open.filter((f) => Date.parse(f.dueAt) > now)
    const done = data.followUps.filter((f) => f.doneAt)
    const onTime = done.filter((f) => Date.parse(f.doneAt!) <= Date.parse(f.dueAt))
    expect(overdue.length).toBeGreaterThanOrEqual(3)
    expect(upcoming.length).toBeGreaterThanOrEqual(2)
    expect(onTime.length).toBeGreaterThan(0)
    expect(done.length - onTime.length).toBeGreaterThan(0)
    expect(done.every((f) => Date.parse(f.doneAt!) <= now)).toBe(true)
    expect(data.followUps.some((f) => f.promise)).toBe(true)
  })

  it('has an owned community with a gathering to come', () => {
    const community = data.communities[0]!
    expect(community.role).toBe('owner')
    expect(community.members.length).toBeGreaterThanOrEqual(10)
    const gathering = data.gatherings[0]!
    expect(Date.parse(gathering.startsAt)).toBeGreaterThan(NOW.getTime())
    expect(gathering.attendees.length).toBeLessThanOrEqual(15)
  })

  it('spans all six ecosystems and leaves some cards incomplete', () => {
    const ecosystems = new Set(data.contacts.map((c) => c.ecosystem))
    expect(ecosystems.size).toBe(6)
    expect(data.contacts.some((c) => !c.challenges || !c.seed)).toBe(true)
    expect(data.contacts.every((c) => c.photo === undefined)).toBe(true)
  })

  it('never dates a record in the future', () => {
    const now = NOW.getTime()
    for (const record of allRecords(data)) {
      expect(Date.parse(record.createdAt), record.id).toBeLessThanOrEqual(now)
      expect(Date.parse(record.updatedAt), record.id).toBeLessThanOrEqual(now)
    }
  })

  it('writes names in the chosen language', () => {
    for (const contact of data.contacts) {
      expect(CJK.test(contact.name), contact.name).toBe(language === 'zh-CN')
    }
    expect(CJK.test(data.communities[0]!.name)).toBe(language === 'zh-CN')
    for (const event of data.events) expect(CJK.test(event.name)).toBe(language === 'zh-CN')
  })
})

describe('buildDemoNetwork in both languages', () => {
  it('keeps the same structure and ids', () => {
    const zh = buildDemoNetwork('zh-CN', NOW)
    const en = buildDemoNetwork('en', NOW)
    for (const name of Object.keys(schemas) as (keyof DemoRecords)[]) {
      expect(zh[name].map((r) => r.id)).toEqual(en[name].map((r) => r.id))
    }
  })

  it('keeps English text free of Chinese characters', () => {
    const en = JSON.stringify(buildDemoNetwork('en', NOW))
    expect(en.match(/[\u4e00-\u9fff]+/g)).toBeNull()
  })

  it('stays consistent whatever the time of day', () => {
    for (let hour = 0; hour < 24; hour += 1) {
      const now = new Date(Date.UTC(2024, 1, 28, hour, 17))
      const data = buildDemoNetwork('en', now)
      for (const [name, schema] of Object.entries(schemas)) {
        for (const record of data[name as keyof DemoRecords]) {
          expect(schema.safeParse(record).success, `${name} ${record.id}`).toBe(true)
        }
      }
      const open = data.followUps.filter((f) => !f.doneAt)
      expect(open.filter((f) => Date.parse(f.dueAt) < now.getTime()).length).toBeGreaterThanOrEqual(
        3,
      )
      expect(open.filter((f) => Date.parse(f.dueAt) > now.getTime()).length).toBeGreaterThanOrEqual(
        2,
      )
      expect(data.events.some((e) => Date.parse(e.startsAt) > now.getTime())).toBe(true)
    }
  })
})

describe('the demo’s first launch', () => {
  it('has a realistic few keep-in-touch follow-ups due, not the whole circle at one instant', () => {
    const data = { ...emptyStoreData(), ...buildDemoNetwork('zh-CN', NOW) }
    const cadence = cadenceFollowUps(data, NOW).filter((f) => f.reason === 'cadence')
    expect(cadence.length).toBeGreaterThan(0)
    expect(cadence.length).toBeLessThanOrEqual(3)
    // Everyone else in the circle has a next touch on some later day, spread out.
    const soon = overdueContacts(data, new Date(NOW.getTime() + 30 * 86_400_000))
    const days = new Set(soon.map((o) => o.dueSince.slice(0, 10)))
    expect(days.size).toBeGreaterThan(8)
  })
})
