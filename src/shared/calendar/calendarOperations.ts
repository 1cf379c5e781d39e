import { z } from 'zod'
import { csvEncodingSchema } from '../importExport/importExportOperations'
import { type Settings } from '../model'
import {
  MAX_CALENDAR_FILE_BYTES,
  type CalendarImportPreview,
  type CalendarImportResult,
} from './calendarImport'
import { noInput, op } from '../operation'

/** The operations of the calendar: .ics export, the auto-exported file and the meetings imported from an .ics file. */
export const calendarOperations = {
  /** Reads past meetings from an .ics file and matches their attendees to contacts. */
  'calendar.importPreview': op<CalendarImportPreview>()(
    z
      .object({
        fileName: z.string().min(1).max(500),
        /** Base64 of the file, at most 10 MB. */
        data: z
          .string()
          .min(1)
          .max(Math.ceil(MAX_CALENDAR_FILE_BYTES / 3) * 4),
        /** Read the file in this encoding instead of the detected one. */
        encoding: csvEncodingSchema.optional(),
      })
      .strict(),
  ),
  /** Writes the previewed encounters, and the chosen new contacts, in one transaction. */
  'calendar.importCommit': op<CalendarImportResult>()(
    z
      .object({
        previewId: z.string().min(1).max(100),
        /** Emails of the offered new people to add as contacts. */
        newContacts: z.array(z.string().trim().min(3).max(320)).max(1000).default([]),
      })
      .strict(),
  ),
  'calendar.export': op<{ fileName: string; text: string }>()(
    z
      .object({
        include: z
          .object({ followUps: z.boolean(), events: z.boolean(), gatherings: z.boolean() })
          .strict(),
        from: z.iso.date().optional(),
        to: z.iso.date().optional(),
      })
      .strict(),
  ),
  /**
   * The calendar file kept up to date; '' stops it. Only an .ics file that is new or Rapport's
   * own, inside the data folder or an --export-dir folder; the desktop app uses the dialog below.
   */
  'calendar.setAutoExport': op<Settings>()(z.object({ path: z.string().max(4096) }).strict()),
  /** Desktop app: the save dialog chooses the calendar file (`chosen` false: cancelled). */
  'calendar.chooseAutoExport': op<{ chosen: boolean; settings: Settings }>()(noInput),
} as const
