import { z } from 'zod'
import { idSchema } from '../model'
import { op } from '../operation'

export const columnTargetSchema = z.enum([
  'name',
  'givenName',
  'familyName',
  'nickname',
  'email',
  'phone',
  'organization',
  'role',
  'linkedin',
  'wechat',
  'website',
  'notes',
  'tags',
  'birthday',
  /** When we first met: LinkedIn's "Connected On", a CRM's "Date added" (since the trust figure's length). */
  'firstMet',
  'ignore',
])

/** The text encodings a CSV file can be read in; the preview shows its guess and lets the user change it. */
export const csvEncodingSchema = z.enum([
  'utf-8',
  'utf-8-bom',
  'utf-16le',
  'utf-16be',
  'gb18030',
  'big5',
  'shift_jis',
  'windows-1252',
])

export interface ImportPreviewRow {
  line: number
  status: 'new' | 'duplicate' | 'exact' | 'error'
  name: string
  organization: string
  email: string
  hasPhoto: boolean
  /**
   * Who this row may be: an existing contact (its id), or an earlier line of the same file
   * (`line`, with an empty id). `reasons` says what they share.
   */
  matches: {
    id: string
    name: string
    line?: number
    reasons: ('email' | 'phone' | 'linkedin' | 'name+organization' | 'name')[]
  }[]
  errors: string[]
  warnings: string[]
}

export interface ImportPreview {
  previewId: string
  fileName: string
  kind: 'vcard' | 'csv'
  /** CSV only: the columns and the suggested (or given) mapping. */
  headers: string[]
  mapping: z.infer<typeof columnTargetSchema>[]
  /** CSV: the encoding the file was read in (detected, or the one asked for). */
  encoding: z.infer<typeof csvEncodingSchema>
  rows: ImportPreviewRow[]
  counts: { new: number; duplicate: number; exact: number; error: number }
}

/** The operations of importing contacts from vCard and CSV files, and exporting them as vCards. */
export const importExportOperations = {
  'import.preview': op<ImportPreview>()(
    z
      .object({
        fileName: z.string().min(1).max(500),
        /** Base64 of the file, so any encoding reaches the parser byte for byte. */
        data: z.string().min(1).max(70_000_000),
        mapping: z.array(columnTargetSchema).max(500).optional(),
        /** CSV only: read the file in this encoding instead of the detected one. */
        encoding: csvEncodingSchema.optional(),
      })
      .strict(),
  ),
  'import.commit': op<{ created: number; merged: number; skipped: number }>()(
    z
      .object({
        previewId: z.string().min(1).max(100),
        /** Per line: what to do with a duplicate; new rows are imported, errors skipped. */
        duplicates: z.enum(['skip', 'merge', 'import']),
      })
      .strict(),
  ),
  'import.cancel': op<{ ok: true }>()(z.object({ previewId: z.string().min(1).max(100) }).strict()),
  'export.vcard': op<{ fileName: string; text: string }>()(
    z.object({ ids: z.array(idSchema).max(100_000).optional() }).strict(),
  ),
} as const
