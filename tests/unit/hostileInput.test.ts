import { spawnSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  softBreakVcard,
  spacedAttendeeList,
  spacedCsvCell,
  SPLIT_COLUMNS,
  valueHeadersCsv,
} from '../../bench/hostileInput'
import type { ImportPreview } from '../../src/shared/contract'
import type { PeopleImportResult } from '../../src/shared/events/eventViews'
import { parseVCards } from '../../src/main/core/importExport/vcardImport'
import { call, quietCore, tempDir } from './helpers'

/**
 * Inputs shaped to make a parser take time growing with the square of their size. Each is 1 MB:
 * the old code took minutes on these (vitest's timeout ends such a run); a linear parser takes
 * well under a second. The benchmark (bench/hostileInput.ts) shows the time per MB up to 10 MB.
 */

const MB = 1024 * 1024
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64')

describe('hostile input is parsed in linear time', () => {
  it('reads a vCard 2.1 quoted-printable note with a soft line break every few bytes', async () => {
    const core = await quietCore()
    try {
      const preview = await call<ImportPreview>(core, 'import.preview', {
        fileName: 'soft.vcf',
        data: base64(softBreakVcard(MB)),
      })
      expect(preview.counts.new).toBe(1)
      expect(preview.rows[0]!.name).toBe('Soft Breaks')
    } finally {
      await core.close()
    }
    // The soft breaks are joined away: the note is the letters alone (cut at the notes limit).
    const [row] = parseVCards(softBreakVcard(MB))
    expect(row!.fields.notes).toMatch(/^(ab){10000}$/)
    expect(parseVCards(softBreakVcard(5_000))[0]!.fields.notes).toMatch(/^(ab){1000}end$/)
  }, 20_000)

  for (const column of SPLIT_COLUMNS) {
    it(`reads a CSV whose ${column} cell holds a 1 MB run of spaces`, async () => {
      const core = await quietCore()
      try {
        const preview = await call<ImportPreview>(core, 'import.preview', {
          fileName: 'spaces.csv',
          data: base64(spacedCsvCell(MB, column)),
        })
        expect(preview.rows).toHaveLength(1)
        expect(preview.rows[0]!.name).toBe('Spacey Person')
        expect(preview.mapping[1]).not.toBe('ignore')
      } finally {
        await core.close()
      }
    }, 20_000)
  }

  it('reads a CSV with thousands of "X - Value" headers, and refuses more than 500 columns clearly', async () => {
    const core = await quietCore()
    try {
      // 250 KB of headers: about 14,000 columns. Refused at once, with the numbers.
      const wide = await core.dispatch('import.preview', {
        fileName: 'wide.csv',
        data: base64(valueHeadersCsv(250 * 1024)),
      })
      expect(wide.ok).toBe(false)
      if (wide.ok) return
      expect(wide.error.code).toBe('VALIDATION')
      expect(wide.error.message).toMatch(/^wide\.csv has \d{5} columns; .* at most 500 columns/)
      expect(wide.error.details).toMatchObject({ reason: 'tooManyColumns', limit: 500 })

      // At the limit, the guessed mapping sent back as the UI does is accepted.
      const csv = valueHeadersCsv(8_500)
      const fits = await call<ImportPreview>(core, 'import.preview', {
        fileName: 'fits.csv',
        data: base64(csv),
      })
      expect(fits.headers.length).toBeLessThanOrEqual(500)
      expect(fits.headers.length).toBeGreaterThan(400)
      const again = await call<ImportPreview>(core, 'import.preview', {
        fileName: 'fits.csv',
        data: base64(csv),
        mapping: fits.mapping,
      })
      expect(again.rows[0]!.name).toBe('Wide Person')
    } finally {
      await core.close()
    }
    // The label lookup for "X - Value" columns is one pass, also for a 1 MB header row.
    const { readCsv, csvToRows, suggestMapping } =
      await import('../../src/main/core/importExport/csvImport')
    const table = readCsv(valueHeadersCsv(MB))
    expect(table.headers.length).toBeGreaterThan(40_000)
    expect(csvToRows(table, suggestMapping(table.headers))[0]!.fields.name).toBe('Wide Person')
  }, 20_000)

  it('reads a pasted attendee list with a 1 MB run of spaces', async () => {
    const core = await quietCore()
    try {
      const event = await call<{ id: string }>(core, 'events.create', {
        name: 'Hostile meetup',
        startsAt: '2027-01-10T18:00:00.000Z',
        timeZone: 'UTC',
      })
      const result = await call<PeopleImportResult>(core, 'events.importPeople', {
        eventId: event.id,
        role: 'attendee',
        text: spacedAttendeeList(MB),
        commit: false,
      })
      expect(result.rows.map((row) => row.name)).toEqual([
        expect.stringMatching(/^Ada Lovelace/),
        'Grace Hopper',
      ])
    } finally {
      await core.close()
    }
  }, 20_000)
})

describe('clear words instead of a silent nothing', () => {
  const zip = Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
    Buffer.from('contacts.vcf'),
    Buffer.alloc(200, 7),
  ])

  it('says a ZIP archive renamed .vcf is not a vCard, in the import preview', async () => {
    const core = await quietCore()
    try {
      const answer = await core.dispatch('import.preview', {
        fileName: 'contacts.vcf',
        data: base64(zip),
      })
      expect(answer.ok).toBe(false)
      if (answer.ok) return
      expect(answer.error.code).toBe('VALIDATION')
      expect(answer.error.message).toBe(
        'contacts.vcf is a ZIP archive, not a vCard file. Unzip it and import the .vcf file inside.',
      )
      const text = await core.dispatch('import.preview', {
        fileName: 'notes.vcf',
        data: base64('just some notes\nno cards here\n'),
      })
      expect(text.ok).toBe(false)
      if (!text.ok) expect(text.error.details).toMatchObject({ reason: 'notVCard' })
    } finally {
      await core.close()
    }
  })

  it('says so on the command line and exits non-zero', async () => {
    const dir = await tempDir()
    const file = join(dir, 'contacts.vcf')
    await writeFile(file, zip)
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/main/cli.ts', 'import', file, '--data', join(dir, 'data')],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    )
    expect(run.stderr).toContain('is a ZIP archive, not a vCard file')
    expect(run.stdout).not.toContain('0 new')
    expect(run.status).toBe(1)
  }, 60_000)

  it('keeps a property apart from a quoted-printable value that swallowed it, and warns', () => {
    const card = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N:Broken;Quoted',
      'FN:Quoted Broken',
      'NOTE;ENCODING=QUOTED-PRINTABLE:Met at the fair=',
      'TEL;CELL:+44 20 7946 0000',
      'EMAIL:quoted@example.com',
      'END:VCARD',
      '',
    ].join('\r\n')
    const [row] = parseVCards(card)
    expect(row!.fields.notes).toBe('Met at the fair')
    expect(row!.fields.phones).toEqual([{ label: 'mobile', value: '+44 20 7946 0000' }])
    expect(row!.fields.emails?.[0]?.value).toBe('quoted@example.com')
    expect(row!.warnings.join(' ')).toContain(
      'the quoted-printable NOTE ends in a soft line break right before TEL',
    )
  })
})
