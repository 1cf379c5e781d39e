/**
 * Hostile inputs that used to take time growing with the square of their size, each sent through
 * the contract as the app sends it, at 1, 2, 5 and 10 MB. The time per MB shows the growth: a
 * linear parser keeps it flat. Target: a 10 MB input of each shape parsed or refused in ≤ 2 s.
 * The shapes are shared with tests/unit/hostileInput.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore, type Core } from '../src/main/core/openCore'
import { targetText, type BenchFigure } from './figures'

const MB = 1024 * 1024
const SIZES_MB = [1, 2, 5, 10]
const TARGET_MS = 2_000

/** A contract call the shape is sent as; `eventId` is filled in for events.importPeople. */
export interface HostileCall {
  operation: 'import.preview' | 'events.importPeople'
  input: Record<string, unknown>
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

/** A vCard 2.1 quoted-printable NOTE of about `bytes`, broken by a soft line break every 3. */
export function softBreakVcard(bytes: number): string {
  const body = 'ab=\r\n'.repeat(Math.max(1, Math.floor(bytes / 5)))
  return (
    'BEGIN:VCARD\r\nVERSION:2.1\r\nN:Soft;Breaks\r\nFN:Soft Breaks\r\n' +
    `NOTE;ENCODING=QUOTED-PRINTABLE:${body}end\r\nEND:VCARD\r\n`
  )
}

/** The columns whose cells are split or trimmed on whitespace-padded separators. */
export const SPLIT_COLUMNS = ['Company', 'Job Title', 'Phone', 'E-mail', 'Web Page', 'Tags']

/** A CSV whose cell in `column` is a run of `bytes` spaces between two letters. */
export function spacedCsvCell(bytes: number, column: string): string {
  const header = ['Name', column]
  return `${header.join(',')}\r\nSpacey Person,"a${' '.repeat(bytes)}b"\r\n`
}

/** A CSV whose header is `Field N - Value` repeated to about `bytes`, plus one row. */
export function valueHeadersCsv(bytes: number): string {
  const headers = ['Name']
  let size = 4
  for (let i = 0; size < bytes; i++) {
    const header = `Field ${i} - Value`
    headers.push(header)
    size += header.length + 1
  }
  return `${headers.join(',')}\r\nWide Person${','.repeat(headers.length - 1)}\r\n`
}

/** A pasted attendee line with a run of `bytes` spaces and no comma to split on. */
export function spacedAttendeeList(bytes: number): string {
  return `Ada Lovelace${' '.repeat(bytes)}x\nGrace Hopper, Navy, Rear Admiral\n`
}

export const hostileShapes: { name: string; call: (bytes: number) => HostileCall }[] = [
  {
    name: 'vCard 2.1 quoted-printable soft breaks',
    call: (bytes) => ({
      operation: 'import.preview',
      input: { fileName: 'soft.vcf', data: base64(softBreakVcard(bytes)) },
    }),
  },
  {
    name: 'CSV cells with a long run of spaces',
    call: (bytes) => ({
      operation: 'import.preview',
      input: {
        fileName: 'spaces.csv',
        data: base64(
          ['Name,' + SPLIT_COLUMNS.join(',')]
            .concat([
              'Spacey Person,' +
                SPLIT_COLUMNS.map(
                  () => `"a${' '.repeat(Math.floor(bytes / SPLIT_COLUMNS.length))}b"`,
                ).join(','),
            ])
            .join('\r\n'),
        ),
      },
    }),
  },
  {
    name: 'CSV with "X - Value" headers',
    call: (bytes) => ({
      operation: 'import.preview',
      input: { fileName: 'wide.csv', data: base64(valueHeadersCsv(bytes)) },
    }),
  },
  {
    name: 'pasted attendee list with a long run of spaces',
    call: (bytes) => ({
      operation: 'events.importPeople',
      input: { role: 'attendee', text: spacedAttendeeList(bytes), commit: false },
    }),
  },
]

async function timed(core: Core, eventId: string, call: HostileCall) {
  const input = call.operation === 'events.importPeople' ? { ...call.input, eventId } : call.input
  const started = performance.now()
  const answer = await core.dispatch(call.operation, input)
  const ms = performance.now() - started
  return { ms, refused: answer.ok ? null : answer.error.message }
}

export async function runHostileInputBench(): Promise<BenchFigure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-hostile-'))
  const core = await openCore({
    dataDir: dir,
    version: 'bench',
    systemLanguage: 'en',
    backups: false,
    watchIntervalMs: 0,
    reminders: false,
  })
  const figures: BenchFigure[] = []
  try {
    const created = await core.dispatch('events.create', {
      name: 'Bench event',
      startsAt: '2027-01-10T18:00:00.000Z',
      timeZone: 'UTC',
    })
    if (!created.ok) throw new Error(created.error.message)
    const eventId = (created.value as { id: string }).id
    console.log('\nHostile input (time per MB should stay flat as the size grows)')
    for (const shape of hostileShapes) {
      for (const sizeMb of SIZES_MB) {
        const { ms, refused } = await timed(core, eventId, shape.call(sizeMb * MB))
        const outcome = refused ? `refused: ${refused.slice(0, 90)}` : 'parsed'
        console.log(
          `  ${shape.name}, ${sizeMb} MB: ${ms.toFixed(0)} ms (${(ms / sizeMb).toFixed(0)} ms/MB), ${outcome}`,
        )
        figures.push({
          section: `Hostile input, ${shape.name}`,
          measure: `${sizeMb} MB, ${refused ? 'refused up front' : 'parsed'}: time per MB`,
          value: ms / sizeMb,
          unit: 'ms/MB',
          ...(sizeMb === 10
            ? { target: `total ${targetText('≤', TARGET_MS, 'ms')}`, met: ms <= TARGET_MS }
            : {}),
        })
      }
    }
  } finally {
    await core.close()
    await rm(dir, { recursive: true, force: true })
  }
  return figures
}
