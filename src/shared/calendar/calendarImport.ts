/** Importing past meetings from a calendar file (.ics): what the preview shows. */

/** Largest .ics file read: 10 MB, as base64 in the contract. */
export const MAX_CALENDAR_FILE_BYTES = 10_000_000
/** Most meeting occurrences one file may expand to (recurring meetings count each time). */
export const MAX_CALENDAR_OCCURRENCES = 50_000
/** People seen at least this often who are not contacts are offered as new contacts. */
export const NEW_PERSON_MIN_MEETINGS = 2

/** One past meeting with one contact: it becomes an encounter. */
export interface CalendarEncounterRow {
  contactId: string
  contactName: string
  title: string
  place: string
  /** Start of this occurrence (ISO, UTC). */
  at: string
  allDay: boolean
  /** Imported before (same meeting, same occurrence, same contact): not imported again. */
  alreadyImported: boolean
}

/** Someone who is often in the calendar but not a contact. */
export interface CalendarNewPerson {
  email: string
  name: string
  meetings: number
  lastAt: string
}

export interface CalendarImportPreview {
  previewId: string
  fileName: string
  encoding: string
  /** Past meeting occurrences read, after declined and cancelled ones are left out. */
  pastMeetings: number
  skipped: { declined: number; cancelled: number; future: number }
  encounters: CalendarEncounterRow[]
  newPeople: CalendarNewPerson[]
}

export interface CalendarImportResult {
  encounters: number
  contactsCreated: number
}
