import { readFile } from 'node:fs/promises'
import type { CardFields } from '../../shared/cards/cardFields'
import type { CardScan, SavedCard } from '../../shared/cards/cardOperations'
import { argValue } from '../core/dataDir'
import type { Core } from '../core/openCore'
import { parseCardReadings } from '../core/cards/cardParser'
import { createCardReader } from '../core/cards/cardReader'

export const SCAN_CARD_USAGE = `  rapport scan-card IMAGE… [--lang zh-CN|en] [--json] [--import [--data DIR] [--duplicates skip|merge|import]]
      Reads business cards (JPEG, PNG or WebP photos) on this computer and prints the fields.
      --lang reads numbers without a country code as Chinese (zh-CN) or only with one (en).
      --import adds them as contacts with the import's rules: a card already there is skipped;
      a possible duplicate is skipped unless --duplicates says merge or import.`

/** The options that take a value, so their values are not read as image files. */
const WITH_VALUE = new Set(['--lang', '--data', '--duplicates'])

function imagesOf(args: readonly string[]): string[] {
  return args.filter((arg, i) => !arg.startsWith('--') && !WITH_VALUE.has(args[i - 1] ?? ''))
}

function printFields(file: string, fields: CardFields, ms: number): void {
  console.log(`${file} (${(ms / 1000).toFixed(1)} s)`)
  const rows: [string, string | undefined][] = [
    ['name', fields.name],
    ['family name', fields.familyName],
    ['given name', fields.givenName],
    ['title', fields.title],
    ['organisation', fields.organization],
    ['phones', fields.phones.join(', ')],
    ['emails', fields.emails.join(', ')],
    ['web', fields.website],
    ['LinkedIn', fields.linkedin],
    ['WeChat', fields.wechat],
    ['address', fields.address],
  ]
  for (const [label, value] of rows) if (value) console.log(`  ${label.padEnd(13)} ${value}`)
}

/** The card's bytes as base64, or a sentence that names the file. */
async function imageBase64(file: string): Promise<string> {
  try {
    return (await readFile(file)).toString('base64')
  } catch (error) {
    throw new Error(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      { cause: error },
    )
  }
}

/** `rapport scan-card` without --import: reads the cards, touches no data folder. */
export async function printCards(args: readonly string[]): Promise<number> {
  const files = imagesOf(args)
  if (files.length === 0) throw new Error('Say which images to read: rapport scan-card IMAGE…')
  const lang = argValue(args, 'lang')
  if (lang !== undefined && lang !== 'zh-CN' && lang !== 'en') {
    throw new Error(`--lang takes zh-CN or en, not "${lang}"`)
  }
  const images = await Promise.all(files.map(imageBase64))
  const reader = await createCardReader()
  const results: { file: string; fields: CardFields; ms: number }[] = []
  try {
    for (const [i, file] of files.entries()) {
      const started = performance.now()
      const readings = await reader.read(Buffer.from(images[i]!, 'base64'))
      const fields = parseCardReadings(readings, lang === 'zh-CN' ? { region: 'CN' } : {})
      const ms = performance.now() - started
      results.push({ file, fields, ms })
      if (!args.includes('--json')) printFields(file, fields, ms)
    }
  } finally {
    await reader.close()
  }
  if (args.includes('--json')) {
    console.log(
      JSON.stringify(
        results.map(({ file, fields }) => ({ file, ...fields })),
        null,
        2,
      ),
    )
  }
  return 0
}

/** `rapport scan-card --import`: each card through cards.scan and cards.save, as the app does. */
export async function importCards(
  args: readonly string[],
  core: Core,
  call: <T>(core: Core, name: string, input: unknown) => Promise<T>,
): Promise<number> {
  const files = imagesOf(args)
  if (files.length === 0) throw new Error('Say which images to read: rapport scan-card IMAGE…')
  const duplicates = argValue(args, 'duplicates') ?? 'skip'
  if (!['skip', 'merge', 'import'].includes(duplicates)) {
    throw new Error(`--duplicates takes skip, merge or import, not "${duplicates}"`)
  }
  let created = 0
  let merged = 0
  let skipped = 0
  for (const file of files) {
    const image = await imageBase64(file)
    const scan = await call<CardScan>(core, 'cards.scan', { image })
    if (!args.includes('--json')) printFields(file, scan.fields, scan.ms)
    const best = scan.duplicates[0]
    const same = best
      ? `${best.name}${best.organization ? ` (${best.organization})` : ''} — same ${best.reasons.join(', ')}`
      : ''
    if (!scan.fields.name) {
      console.log(`  skipped: no name could be read`)
      skipped += 1
    } else if (best?.exact) {
      console.log(`  skipped, already there: ${same}`)
      skipped += 1
    } else if (best && duplicates === 'skip') {
      console.log(`  skipped, may be ${same}`)
      skipped += 1
    } else {
      const mergeIntoId = best && duplicates === 'merge' ? best.id : undefined
      await call<SavedCard>(core, 'cards.save', {
        fields: scan.fields,
        image,
        ...(mergeIntoId ? { mergeIntoId } : {}),
      })
      if (mergeIntoId) {
        console.log(`  merged into ${same}`)
        merged += 1
      } else {
        console.log(best ? `  imported, though it may be ${same}` : '  imported')
        created += 1
      }
    }
  }
  console.log(`Cards: ${created} new, ${merged} merged, ${skipped} skipped.`)
  return 0
}
