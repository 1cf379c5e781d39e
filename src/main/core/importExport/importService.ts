import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { ImportPreview, ImportPreviewRow, ParsedInputOf } from '../../../shared/contract'
import { RapportError } from '../../../shared/errors'
import { contactFieldsShape, contactSchema, type Contact } from '../../../shared/model'
import { newId, nextTimestamp, type Clock } from '../clock'
import type { CountryCode } from 'libphonenumber-js'
import { addToIndex, buildMatchIndex, findMatches } from '../contacts/duplicates'
import { toE164 } from '../contacts/identity/phone'
import { defaultChoice, mergeFields } from '../contacts/merge'
import { csvToRows, readCsv, suggestMapping } from './csvImport'
import type { ImportRow } from './importRow'
import { parseVCards } from './vcardImport'
import { PendingPreviews } from './pendingPreviews'
import type { PhotoStore } from '../contacts/photos/photoStore'
import type { DataStore } from '../store/dataStore'

const contactInput = z.object(contactFieldsShape)
/** More than LinkedIn's 30,000 connections with room to spare; beyond it a file is a mistake. */
export const MAX_IMPORT_ROWS = 50_000
/** The most columns the mapping step takes (the contract's limit on a mapping sent back). */
export const MAX_IMPORT_COLUMNS = 500

const EPOCH = '1970-01-01T00:00:00.000Z'

interface PendingImport {
  preview: ImportPreview
  rows: ImportRow[]
  /** Per row: the existing contact a duplicate would merge into. */
  mergeInto: (string | null)[]
  /** Per row: else the earlier line of this file whose contact it would merge into. */
  mergeIntoLine: (number | null)[]
}

function isVCard(fileName: string, bytes: Buffer): boolean {
  if (/\.(vcf|vcard)$/i.test(fileName)) return true
  return /^\uFEFF?\s*BEGIN:VCARD/i.test(bytes.subarray(0, 64).toString('latin1'))
}

/** A file named .vcf that holds no card at all: say what it is rather than "0 new". */
function notAVCard(fileName: string, bytes: Buffer): RapportError {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  return new RapportError(
    'VALIDATION',
    zip
      ? `${fileName} is a ZIP archive, not a vCard file. Unzip it and import the .vcf file inside.`
      : `${fileName} is not a vCard file: no contact card (BEGIN:VCARD) was found in it.`,
    { reason: zip ? 'zipNotVCard' : 'notVCard', file: fileName },
  )
}

/**
 * Import in two steps. `preview` parses the file, checks every row and matches it against the
 * store, and keeps the result; `commit` writes all of it in one store transaction (all or
 * nothing). Exact duplicates are never imported; possible duplicates are skipped, merged or
 * imported as the user chose.
 */
export function createImportService(
  store: DataStore,
  photos: PhotoStore,
  clock: Clock,
  phoneRegion: () => CountryCode | undefined = () => undefined,
) {
  const pending = new PendingPreviews<PendingImport>()

  return {
    preview({
      fileName,
      data,
      mapping,
      encoding: chosenEncoding,
    }: ParsedInputOf<'import.preview'>): ImportPreview {
      const bytes = Buffer.from(data, 'base64')
      let rows: ImportRow[]
      let headers: string[] = []
      let used: ImportPreview['mapping'] = []
      let encoding: ImportPreview['encoding'] = 'utf-8'
      const kind = isVCard(fileName, bytes) ? 'vcard' : 'csv'
      if (kind === 'vcard') {
        rows = parseVCards(bytes)
        if (rows.length === 0) throw notAVCard(fileName, bytes)
      } else {
        const table = readCsv(bytes, chosenEncoding)
        if (table.headers.length > MAX_IMPORT_COLUMNS) {
          // Refused before guessing: the user could not map, nor send back, so many columns.
          throw new RapportError(
            'VALIDATION',
            `${fileName} has ${table.headers.length} columns; Rapport imports files with at ` +
              `most ${MAX_IMPORT_COLUMNS} columns. Remove the columns you do not need and try again.`,
            {
              reason: 'tooManyColumns',
              file: fileName,
              columns: table.headers.length,
              limit: MAX_IMPORT_COLUMNS,
            },
          )
        }
        headers = table.headers
        used = mapping ?? suggestMapping(table.headers)
        encoding = table.encoding
        rows = csvToRows(table, used)
      }
      if (rows.length > MAX_IMPORT_ROWS) {
        throw new RapportError(
          'VALIDATION',
          `${fileName} holds ${rows.length} contacts; one import takes at most ${MAX_IMPORT_ROWS}`,
          {
            issues: [
              { path: 'data', message: `more than ${MAX_IMPORT_ROWS} contacts in one file` },
            ],
          },
        )
      }
      const contacts = store.read().contacts
      // The store's contacts, then each row this file will create, so that the same person twice
      // in one file is caught by the same rules as a person already in Rapport.
      const index = buildMatchIndex(contacts, phoneRegion())
      const fromStore = contacts.length
      const lineAt = new Map<number, number>()
      const mergeInto: (string | null)[] = []
      const mergeIntoLine: (number | null)[] = []
      const region = index.region
      const previewRows: ImportPreviewRow[] = rows.map((row) => {
        // Numbers are kept in E.164 where they can be read, as they are matched and exported.
        if (row.fields.phones) {
          row.fields.phones = row.fields.phones.map((p) => ({
            ...p,
            value: toE164(p.value, region) ?? p.value,
          }))
        }
        const errors = [...row.errors]
        const checked = contactInput.safeParse(row.fields)
        if (errors.length === 0 && !checked.success) {
          errors.push(
            ...checked.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`),
          )
        }
        const base = {
          line: row.line,
          name: row.fields.name ?? '',
          organization: row.fields.organization ?? '',
          email: row.fields.emails?.[0]?.value ?? '',
          hasPhoto: Boolean(row.photo),
          warnings: row.warnings,
        }
        if (errors.length > 0 || !checked.success) {
          mergeInto.push(null)
          mergeIntoLine.push(null)
          return { ...base, status: 'error', matches: [], errors }
        }
        const found = findMatches(checked.data, contacts, index, {
          fuzzyWhenIdentified: false,
          sameNameAlone: true,
        })
        const matches = found.matches
          .slice(0, 3)
          .map((m) =>
            m.at < fromStore
              ? { id: m.contact.id, name: m.contact.name, reasons: m.reasons }
              : { id: '', name: m.contact.name, line: lineAt.get(m.at)!, reasons: m.reasons },
          )
        const best = found.matches[0]
        mergeInto.push(best && best.at < fromStore ? best.contact.id : null)
        mergeIntoLine.push(best && best.at >= fromStore ? lineAt.get(best.at)! : null)
        if (found.exact) {
          // Already in Rapport, or already earlier in this file: never imported twice.
          return { ...base, status: 'exact', matches, errors: [] }
        }
        const status = found.matches.length > 0 ? 'duplicate' : 'new'
        // A possible duplicate may still be imported, so later rows are compared with it too.
        const at = addToIndex(
          index,
          contactSchema.parse({
            ...checked.data,
            id: `line-${row.line}`,
            createdAt: EPOCH,
            updatedAt: EPOCH,
          }),
        )
        lineAt.set(at, row.line)
        return { ...base, status, matches, errors: [] }
      })
      const counts = { new: 0, duplicate: 0, exact: 0, error: 0 }
      for (const row of previewRows) counts[row.status] += 1
      const previewId = randomUUID()
      const preview: ImportPreview = {
        previewId,
        fileName,
        kind,
        headers,
        mapping: used,
        encoding,
        rows: previewRows,
        counts,
      }
      pending.add(previewId, { preview, rows, mergeInto, mergeIntoLine })
      return preview
    },

    async commit({ previewId, duplicates }: ParsedInputOf<'import.commit'>) {
      const job = pending.get(previewId)
      if (!job) {
        throw new RapportError(
          'NOT_FOUND',
          'This import preview has expired; choose the file again',
          {
            kind: 'import',
            id: previewId,
          },
        )
      }
      const plan = job.preview.rows.map((row, i) => {
        if (row.status === 'new') return 'create' as const
        if (row.status === 'duplicate' && duplicates === 'import') return 'create' as const
        if (
          row.status === 'duplicate' &&
          duplicates === 'merge' &&
          (job.mergeInto[i] || job.mergeIntoLine[i])
        )
          return 'merge' as const
        return 'skip' as const
      })
      // Photos are content-addressed files; one saved for an import that then fails is harmless.
      const photoRefs = await Promise.all(
        job.rows.map(async (row, i) => {
          if (plan[i] === 'skip' || !row.photo) return undefined
          try {
            return (await photos.save(row.photo.bytes)).ref
          } catch {
            return undefined
          }
        }),
      )
      const result = await store.update((tx) => {
        const existing = new Map(tx.data.contacts.map((c) => [c.id, c]))
        // Each record's id in the file → the contact it becomes here, so that links between
        // cards of one file (introduced by, mutual acquaintances) point at the new contacts.
        const newIds = plan.map((step) => (step === 'create' ? newId() : undefined))
        const byFileId = new Map<string, string>()
        job.rows.forEach((row, i) => {
          const here = newIds[i] ?? (plan[i] === 'merge' ? job.mergeInto[i] : undefined)
          if (row.sourceId && here) byFileId.set(row.sourceId.toLowerCase(), here)
        })
        // A link to a card of this file, else to a contact that exists here; anything else
        // (an id of another store's contact not in this file) means nothing here.
        const resolve = (id: string) =>
          byFileId.get(id.toLowerCase()) ?? (existing.has(id) ? id : undefined)
        let created = 0
        let merged = 0
        // Which contact each line became, so a later line of the same person merges into it.
        const contactOfLine = new Map<number, string>()
        job.rows.forEach((row, i) => {
          const photo = photoRefs[i]
          const { introducedById, mutualIds, ...rest } = row.fields
          const introducer = introducedById ? resolve(introducedById) : undefined
          const mutuals = [
            ...new Set((mutualIds ?? []).map(resolve).filter((id) => id !== undefined)),
          ]
          const fields = {
            ...rest,
            ...(introducer ? { introducedById: introducer } : {}),
            mutualIds: mutuals,
            ...(photo ? { photo } : {}),
          }
          const intoLine = job.mergeIntoLine[i]
          const targetId =
            plan[i] === 'merge'
              ? (job.mergeInto[i] ?? (intoLine ? contactOfLine.get(intoLine) : undefined))
              : undefined
          const target = targetId ? existing.get(targetId) : undefined
          if (plan[i] === 'create' || (plan[i] === 'merge' && !target)) {
            // A merge target deleted since the preview: the row is kept as a new contact.
            const now = nextTimestamp(clock)
            const contact = contactSchema.parse({
              ...fields,
              id: newIds[i] ?? newId(),
              createdAt: now,
              updatedAt: now,
            })
            tx.put('contacts', contact)
            existing.set(contact.id, contact)
            contactOfLine.set(row.line, contact.id)
            created += 1
          } else if (plan[i] === 'merge' && target) {
            const incoming: Contact = contactSchema.parse({
              ...fields,
              id: target.id,
              createdAt: target.createdAt,
              updatedAt: target.updatedAt,
            })
            const combined = mergeFields(target, incoming, defaultChoice(target, incoming))
            const next = contactSchema.parse({
              ...combined,
              id: target.id,
              createdAt: target.createdAt,
              updatedAt: nextTimestamp(clock, target.updatedAt),
            })
            tx.put('contacts', next)
            existing.set(target.id, next)
            contactOfLine.set(row.line, target.id)
            merged += 1
          }
        })
        return { created, merged, skipped: job.rows.length - created - merged }
      })
      pending.delete(previewId)
      return result
    },

    cancel({ previewId }: ParsedInputOf<'import.cancel'>): { ok: true } {
      pending.delete(previewId)
      return { ok: true }
    },
  }
}
export type ImportService = ReturnType<typeof createImportService>
