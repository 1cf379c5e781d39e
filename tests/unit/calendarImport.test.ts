import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import type {
  CalendarImportPreview,
  CalendarImportResult,
} from '../../src/shared/calendar/calendarImport'
import type { CardView } from '../../src/shared/contacts/cardView'
import type { Contact } from '../../src/shared/model'
import { call, quietCore } from './helpers'

const NOW = new Date('2026-12-06T11:00:00Z')
const fixture = (name: string) => readFile(join(__dirname, '../fixtures/calendar', name))
const realWorld = (name: string) => readFile(join('/work/shared/fixtures/real-world', name))
const base64 = (bytes: Buffer) => bytes.toString('base64')

async function coreWithContacts() {
  const core = await quietCore({ clock: { now: () => NOW } })
  await call(core, 'settings.update', { me: { name: 'Me', email: 'me@example.com' } })
  const make = (name: string, email: string) =>
    call<Contact>(core, 'contacts.create', { name, emails: [{ label: '', value: email }] })
  const lin = await make('林悦', 'Lin.Yue@example.cn')
  const sam = await make('Sam Carter', 'sam.carter@startup.example')
  const julia = await make('Julia Wagner', 'julia.wagner@partner.example')
  return { core, lin, sam, julia }
}

const preview = (core: Awaited<ReturnType<typeof quietCore>>, fileName: string, data: Buffer) =>
  call<CalendarImportPreview>(core, 'calendar.importPreview', { fileName, data: base64(data) })

describe('past meetings from a Google Calendar export', () => {
  it('counts each past occurrence of a recurring meeting, leaves out declined ones, and imports once', async () => {
    const { core, lin, sam } = await coreWithContacts()
    try {
      const before = await call<CardView>(core, 'contacts.card', { id: lin.id })
      expect(before.trust.interactions).toBe(0)
      const first = await preview(core, 'google-meetings.ics', await fixture('google-meetings.ics'))
      // Six weekly meetings, one removed (EXDATE), one moved to 16:00; the brunch I declined and
      // the meeting in January are left out.
      expect(first.pastMeetings).toBe(5)
      expect(first.skipped).toEqual({ declined: 1, cancelled: 0, future: 1 })
      const withLin = first.encounters.filter((e) => e.contactId === lin.id)
      expect(withLin.map((e) => e.at).sort()).toEqual([
        '2026-10-20T06:00:00.000Z',
        '2026-10-27T08:00:00.000Z',
        '2026-11-10T06:00:00.000Z',
        '2026-11-17T06:00:00.000Z',
        '2026-11-24T06:00:00.000Z',
      ])
      expect(withLin.find((e) => e.at === '2026-10-20T06:00:00.000Z')).toMatchObject({
        title: '产品周会',
        place: '望京SOHO T3, 北京',
        allDay: false,
        alreadyImported: false,
      })
      // Sam declined the moved meeting of 27 October: four encounters, not five.
      expect(first.encounters.filter((e) => e.contactId === sam.id)).toHaveLength(4)

      const done = await call<CalendarImportResult>(core, 'calendar.importCommit', {
        previewId: first.previewId,
      })
      expect(done).toEqual({ encounters: 9, contactsCreated: 0 })
      const card = await call<CardView>(core, 'contacts.card', { id: lin.id })
      expect(card.lastContactAt).toBe('2026-11-24T06:00:00.000Z')
      // Five meetings over five weeks: the trust figures count them.
      expect(card.trust.interactions).toBe(5)
      expect(card.trust.lengthDays).toBeGreaterThanOrEqual(35)
      // The card's timeline shows each meeting's title and place.
      expect(
        card.timeline.filter((entry) => entry.kind === 'encounter').map((e) => e.detail),
      ).toContain('产品周会（改到下午四点）\n望京SOHO T3, 北京')

      // The same file again (a later export): nothing new.
      const again = await preview(core, 'google-meetings.ics', await fixture('google-meetings.ics'))
      expect(again.encounters.every((e) => e.alreadyImported)).toBe(true)
      expect(await call(core, 'calendar.importCommit', { previewId: again.previewId })).toEqual({
        encounters: 0,
        contactsCreated: 0,
      })
      await expect(
        call(core, 'calendar.importCommit', { previewId: first.previewId }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    } finally {
      await core.close()
    }
  })
})

describe('Outlook and Apple exports', () => {
  it('reads Windows zone names across the DST change, and skips cancelled meetings', async () => {
    const { core, julia } = await coreWithContacts()
    try {
      const read = await preview(core, 'outlook.ics', await fixture('outlook-meetings.ics'))
      expect(read.skipped.cancelled).toBe(1)
      // 09:00 in Milan is 07:00 UTC in September (summer time), 08:30 is 07:30 UTC in November.
      expect(
        read.encounters
          .filter((e) => e.contactId === julia.id)
          .map((e) => e.at)
          .sort(),
      ).toEqual(['2026-09-25T07:00:00.000Z', '2026-11-02T07:30:00.000Z'])
      // Marco Rossi, the organiser, is in one meeting only: not offered yet.
      expect(read.newPeople).toEqual([])
    } finally {
      await core.close()
    }
  })

  it('reads an Apple export with its zone, and offers people who are often there as new contacts', async () => {
    const core = await quietCore({ clock: { now: () => NOW } })
    try {
      await call(core, 'settings.update', { me: { name: 'Me', email: 'me@example.com' } })
      const read = await preview(core, 'apple.ics', await fixture('apple-meetings.ics'))
      expect(read.encounters).toEqual([])
      expect(read.newPeople).toEqual([
        {
          email: 'sam.carter@startup.example',
          name: 'Sam Carter',
          meetings: 2,
          lastAt: '2026-11-08T00:00:00.000Z',
        },
      ])
      const done = await call<CalendarImportResult>(core, 'calendar.importCommit', {
        previewId: read.previewId,
        newContacts: ['sam.carter@startup.example'],
      })
      expect(done).toEqual({ encounters: 2, contactsCreated: 1 })
      const contacts = await call<Contact[]>(core, 'contacts.list', {})
      const sam = contacts.find((c) => c.name === 'Sam Carter')!
      expect(sam.emails).toEqual([{ label: '', value: 'sam.carter@startup.example' }])
      const card = await call<CardView>(core, 'contacts.card', { id: sam.id })
      // 9:00 in New York on 29 October (summer time) is 13:00 UTC.
      expect(card.lastContactAt).toBe('2026-11-08T00:00:00.000Z')
    } finally {
      await core.close()
    }
  })
})

describe('encodings and bad files, as the contact import', () => {
  it('reads a GB18030 file as the contact import does', async () => {
    const { core, lin } = await coreWithContacts()
    try {
      const text = (await fixture('google-meetings.ics')).toString('utf8')
      const read = await preview(core, 'gbk.ics', iconv.encode(text, 'gb18030'))
      expect(read.encoding).toBe('gb18030')
      expect(read.encounters.find((e) => e.contactId === lin.id)?.title).toBe('产品周会')
    } finally {
      await core.close()
    }
  })

  it('reads the real Google and Outlook exports without error and refuses files that are not calendars', async () => {
    const { core } = await coreWithContacts()
    try {
      for (const name of [
        'google-calendar-export-vtimezone-valarm.ics',
        'exchange2010-outlook-calendar-export.ics',
        'google-calendar-contacts-birthdays.ics',
      ]) {
        const read = await preview(core, name, await realWorld(name))
        expect(read.pastMeetings).toBeGreaterThan(0)
        expect(read.encounters).toEqual([])
      }
      await expect(
        preview(core, 'contacts.vcf', Buffer.from('BEGIN:VCARD\r\nFN:X\r\nEND:VCARD\r\n')),
      ).rejects.toMatchObject({
        code: 'VALIDATION',
        message: /not a calendar file/,
        details: { reason: 'calendarImport.notIcs', file: 'contacts.vcf' },
      })
      // An hourly meeting since 2020 expands to more occurrences than one import takes.
      const endless = [
        'BEGIN:VCALENDAR',
        'BEGIN:VEVENT',
        'UID:hourly',
        'DTSTART:20200101T000000Z',
        'RRULE:FREQ=HOURLY',
        'ATTENDEE:mailto:lin.yue@example.cn',
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n')
      await expect(preview(core, 'endless.ics', Buffer.from(endless))).rejects.toMatchObject({
        code: 'VALIDATION',
        details: { reason: 'calendarImport.tooManyMeetings', limit: 50_000 },
      })
      await expect(
        preview(
          core,
          'broken.ics',
          Buffer.from('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:nonsense\r\n'),
        ),
      ).rejects.toMatchObject({ code: 'VALIDATION' })
      await expect(
        call(core, 'calendar.importPreview', { fileName: 'big.ics', data: 'A'.repeat(14_000_000) }),
      ).rejects.toMatchObject({ code: 'VALIDATION' })
    } finally {
      await core.close()
    }
  })
})
