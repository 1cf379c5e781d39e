import { readFile, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { version } from '../../package.json'
import type { ImportPreview } from '../shared/contract'
import { languageFromLocale } from '../shared/language'
import { argValue, resolveDataDir } from './core/dataDir'
import { openCore, type Core } from './core/openCore'
import { SYNC_USAGE, syncCommand } from './commands/syncCommand'
import { importCards, printCards, SCAN_CARD_USAGE } from './commands/scanCardCommand'

const USAGE = `Rapport ${version} — command line

  rapport import FILE [--data DIR] [--duplicates skip|merge|import] [--dry-run]
      Imports a vCard (.vcf) or CSV file (LinkedIn's Connections.csv included), with the same
      checks as the app: exact duplicates are never imported; possible duplicates are skipped
      unless --duplicates says otherwise. --dry-run only shows what would happen.

  rapport export-vcard --out FILE [--data DIR]
      Writes every contact as vCard 4.0.

  rapport export-ics --out FILE [--data DIR] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
      Writes open follow-ups, events and gatherings as an .ics calendar file.

${SYNC_USAGE}
${SCAN_CARD_USAGE}

The data folder is --data DIR, else $RAPPORT_DATA, else the app's own folder.
`

/** Calls one operation and unwraps its envelope, so the CLI goes through the same contract. */
async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const answer = await core.dispatch(name, input)
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.value as T
}

function who(row: ImportPreview['rows'][number]): string {
  const same = row.matches.map((m) => (m.line ? `${m.name} (line ${m.line})` : m.name))
  const why = [...new Set(row.matches.flatMap((m) => m.reasons))].join(', ')
  return `${same.join(', ')}${why ? ` — same ${why}` : ''}`
}

/**
 * The counts, then every row that will not simply be imported, with its line: errors, rows
 * already there (skipped) and possible duplicates (skipped unless --duplicates says otherwise).
 */
function printPreview(preview: ImportPreview, duplicates: string): void {
  const { counts } = preview
  console.log(
    `${preview.fileName}: ${counts.new} new, ${counts.duplicate} possible duplicates, ` +
      `${counts.exact} already there, ${counts.error} with errors (${preview.kind}, ${preview.encoding})`,
  )
  const duplicateFate =
    duplicates === 'import' ? 'imported' : duplicates === 'merge' ? 'merged' : 'skipped'
  for (const row of preview.rows) {
    const name = row.name || '(no name)'
    if (row.status === 'error') {
      console.log(`  line ${row.line}: skipped, ${row.errors.join('; ')}`)
    } else if (row.status === 'exact') {
      console.log(`  line ${row.line}: skipped, ${name} is already there: ${who(row)}`)
    } else if (row.status === 'duplicate') {
      console.log(`  line ${row.line}: ${duplicateFate}, ${name} may be ${who(row)}`)
    }
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE)
    return command ? 0 : 1
  }
  // Reading cards without --import needs no data folder (and takes no lock on it).
  if (command === 'scan-card' && !rest.includes('--import')) return printCards(rest)
  const dataDir = resolveDataDir(rest, process.env)
  const core = await openCore({
    dataDir,
    version,
    systemLanguage: languageFromLocale(process.env.LANG),
    holder: `the rapport command line (process ${process.pid})`,
    watchIntervalMs: 0,
    reminders: false,
    // Exports only read: a backup per export would push real ones out of the last ten.
    // Import, sync and scan-card (with --import) write, so they take one.
    backups: command === 'import' || command === 'sync' || command === 'scan-card',
    syncPassword: () => process.env.RAPPORT_SYNC_PASSWORD || undefined,
  })
  try {
    if (core.unavailable) throw new Error(core.unavailable.message)
    if (command === 'import') {
      const file = rest.find((arg, i) => !arg.startsWith('--') && !rest[i - 1]?.startsWith('--'))
      if (!file) throw new Error('Say which file to import: rapport import FILE')
      const duplicates = argValue(rest, 'duplicates') ?? 'skip'
      if (!['skip', 'merge', 'import'].includes(duplicates)) {
        throw new Error(`--duplicates takes skip, merge or import, not "${duplicates}"`)
      }
      const data = (await readFile(file)).toString('base64')
      const preview = await call<ImportPreview>(core, 'import.preview', {
        fileName: basename(file),
        data,
      })
      printPreview(preview, duplicates)
      if (rest.includes('--dry-run')) {
        await call(core, 'import.cancel', { previewId: preview.previewId })
        return 0
      }
      const result = await call<{ created: number; merged: number; skipped: number }>(
        core,
        'import.commit',
        {
          previewId: preview.previewId,
          duplicates,
        },
      )
      console.log(
        `Imported into ${dataDir}: ${result.created} new, ${result.merged} merged, ${result.skipped} skipped.`,
      )
      return 0
    }
    if (command === 'scan-card') return await importCards(rest, core, call)
    if (command === 'export-vcard') {
      const out = argValue(rest, 'out')
      if (!out) throw new Error('Say where to write: rapport export-vcard --out FILE')
      const { text } = await call<{ text: string }>(core, 'export.vcard', {})
      await writeFile(out, text, 'utf8')
      const cards = text.match(/^BEGIN:VCARD/gm)?.length ?? 0
      console.log(`Wrote ${cards} contacts to ${out}.`)
      return 0
    }
    if (command === 'export-ics') {
      const out = argValue(rest, 'out')
      if (!out) throw new Error('Say where to write: rapport export-ics --out FILE')
      const from = argValue(rest, 'from')
      const to = argValue(rest, 'to')
      const { text } = await call<{ text: string }>(core, 'calendar.export', {
        include: { followUps: true, events: true, gatherings: true },
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      })
      await writeFile(out, text, 'utf8')
      const entries = text.match(/^BEGIN:VEVENT/gm)?.length ?? 0
      console.log(`Wrote ${entries} calendar entries to ${out}.`)
      return 0
    }
    if (command === 'sync') {
      return await syncCommand(rest, (name, input) => call(core, name, input))
    }
    console.error(`Unknown command "${command}".\n`)
    console.log(USAGE)
    return 1
  } finally {
    await core.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message)
    process.exit(1)
  },
)
