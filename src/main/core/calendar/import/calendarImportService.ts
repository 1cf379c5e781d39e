import { createHash, randomUUID } from 'node:crypto'
import {
  NEW_PERSON_MIN_MEETINGS,
  type CalendarEncounterRow,
  type CalendarImportPreview,
  type CalendarImportResult,
  type CalendarNewPerson,
} from '../../../../shared/calendar/calendarImport'
import type { ParsedInputOf } from '../../../../shared/contract'
import { RapportError } from '../../../../shared/errors'
import { contactSchema, encounterSchema, type Contact } from '../../../../shared/model'
import { newId, nextTimestamp, type Clock } from '../../clock'
import { decodeText } from '../../importExport/csvImport'
import { PendingPreviews } from '../../importExport/pendingPreviews'
import type { DataStore } from '../../store/dataStore'
import { readMeetings, type MeetingOccurrence } from './readMeetings'

interface PendingCalendarImport {
  meetings: MeetingOccurrence[]
}

/**
 * An encounter's id from the meeting occurrence and the contact: the same meeting imported
 * again (a later export of the same calendar) finds its encounter and adds no second one.
 */
function encounterIdOf(meetingKey: string, contactId: string): string {
  const hash = createHash('sha256').update(`${meetingKey}\u0000${contactId}`).digest('hex')
  return `cal-${hash.slice(0, 40)}`
}

/** What the encounter keeps of the meeting: its title, and where it was on the next line. */
const notesOf = (meeting: MeetingOccurrence) =>
  [meeting.title.trim(), meeting.place.trim()].filter(Boolean).join('\n').slice(0, 20_000)

function contactsByEmail(contacts: readonly Contact[]): Map<string, Contact> {
  const byEmail = new Map<string, Contact>()
  for (const contact of contacts) {
    for (const { value } of contact.emails) {
      const email = value.trim().toLowerCase()
      if (!byEmail.has(email)) byEmail.set(email, contact)
    }
  }
  return byEmail
}

/**
 * Past meetings from a calendar file, in two steps like the contact import: `preview` reads the
 * file and matches attendees to contacts by email, `commit` writes every encounter (and the new
 * contacts chosen) in one store transaction.
 */
export function createCalendarImportService(store: DataStore, clock: Clock) {
  const pending = new PendingPreviews<PendingCalendarImport>()

  return {
    preview({
      fileName,
      data,
      encoding: chosen,
    }: ParsedInputOf<'calendar.importPreview'>): CalendarImportPreview {
      const { text, encoding } = decodeText(Buffer.from(data, 'base64'), chosen)
      const current = store.read()
      const { meetings, skipped } = readMeetings(fileName, text, {
        now: clock.now(),
        myEmails: [current.settings.me.email],
      })
      const byEmail = contactsByEmail(current.contacts)
      const existing = new Set(current.encounters.map((e) => e.id))
      const encounters: CalendarEncounterRow[] = []
      const strangers = new Map<string, CalendarNewPerson>()
      for (const meeting of meetings) {
        for (const person of meeting.participants) {
          const contact = byEmail.get(person.email)
          if (contact) {
            encounters.push({
              contactId: contact.id,
              contactName: contact.name,
              title: meeting.title,
              place: meeting.place,
              at: meeting.at,
              allDay: meeting.allDay,
              alreadyImported: existing.has(encounterIdOf(meeting.key, contact.id)),
            })
          } else {
            const seen = strangers.get(person.email)
            strangers.set(person.email, {
              email: person.email,
              name: person.name || seen?.name || '',
              meetings: (seen?.meetings ?? 0) + 1,
              lastAt: meeting.at,
            })
          }
        }
      }
      const previewId = randomUUID()
      pending.add(previewId, { meetings })
      return {
        previewId,
        fileName,
        encoding,
        pastMeetings: meetings.length,
        skipped,
        encounters: encounters.reverse(),
        newPeople: [...strangers.values()]
          .filter((p) => p.meetings >= NEW_PERSON_MIN_MEETINGS)
          .sort((a, b) => b.meetings - a.meetings || b.lastAt.localeCompare(a.lastAt)),
      }
    },

    commit({
      previewId,
      newContacts,
    }: ParsedInputOf<'calendar.importCommit'>): Promise<CalendarImportResult> {
      const preview = pending.get(previewId)
      if (!preview) {
        throw new RapportError(
          'NOT_FOUND',
          'This preview has expired or was already imported; read the calendar file again.',
        )
      }
      const chosen = new Set(newContacts.map((email) => email.toLowerCase()))
      return store
        .update((tx) => {
          const byEmail = contactsByEmail(tx.data.contacts)
          const existing = new Set(tx.data.encounters.map((e) => e.id))
          let contactsCreated = 0
          let encounters = 0
          for (const meeting of preview.meetings) {
            for (const person of meeting.participants) {
              let contact = byEmail.get(person.email)
              if (!contact && chosen.has(person.email)) {
                const now = nextTimestamp(clock)
                contact = contactSchema.parse({
                  id: newId(),
                  createdAt: now,
                  updatedAt: now,
                  name: person.name || person.email,
                  emails: [{ label: '', value: person.email }],
                  firstMet: { date: meeting.at.slice(0, 10), place: meeting.place.slice(0, 200) },
                })
                tx.put('contacts', contact)
                byEmail.set(person.email, contact)
                contactsCreated++
              }
              if (!contact) continue
              const id = encounterIdOf(meeting.key, contact.id)
              if (existing.has(id)) continue
              const now = nextTimestamp(clock)
              tx.put(
                'encounters',
                encounterSchema.parse({
                  id,
                  contactId: contact.id,
                  at: meeting.at,
                  createdAt: now,
                  updatedAt: now,
                  notes: notesOf(meeting),
                }),
              )
              existing.add(id)
              encounters++
            }
          }
          return { encounters, contactsCreated }
        })
        .then((result) => {
          pending.delete(previewId)
          return result
        })
    },
  }
}
