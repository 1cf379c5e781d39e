/**
 * `npm run bench:ui`: the interface a user touches, in Debian's Chromium against browser mode, at
 * 300, 5,000 and 20,000 contacts. Needs `npx electron-vite build` first (it serves `out/`).
 * Measures, per size: keypress → settled contacts list (median, p95), first rows of Contacts and
 * Today after navigation, and the longest main-thread task seen; then, at 5,000 contacts with
 * generated duplicates, one merge through the dialog and a bulk merge of every other group.
 * Writes its section of bench/results.md between the UI-BENCH markers, keeping the rest.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { format, resolveConfig } from 'prettier'
import { chromiumPath } from '../playwright.config'
import { startServe, stopServe } from '../tests/e2e/serveProcess'
import type { Contact, StoreData } from '../src/shared/model'
import { generateStore } from './generateStore'
import { seedDataFolder } from './seedDataFolder'
import { median, percentileOf } from './figures'

/** BENCH_UI_SIZES=300,5000 runs fewer sizes; BENCH_UI_SIZES= (empty) only the bulk merge. */
const SIZES = (process.env.BENCH_UI_SIZES ?? '300,5000,20000')
  .split(',')
  .filter(Boolean)
  .map(Number)
/** Contacts for the bulk merge of suggested duplicates; BENCH_UI_BULK=0 skips it. */
const BULK_SIZE = Number(process.env.BENCH_UI_BULK ?? 5_000)
const QUERIES = ['wang', 'li na', 'chen', 'zhang wei']
const RESULTS = join(import.meta.dirname, 'results.md')
const START = '<!-- UI-BENCH:START -->'
const END = '<!-- UI-BENCH:END -->'
// Inside the UI section, so `npm run bench` carries it over with the rest.
const BULK_START = '<!-- BULK-MERGE:START -->'
const BULK_END = '<!-- BULK-MERGE:END -->'

/**
 * Records long tasks and the time of the last change to the contacts list (runs in the page).
 * `__longest` is reset once the app has started (see `bootDone`), so the boot's script
 * evaluation and first render are reported apart from the tasks while lists load and during typing.
 */
const PROBE = `(() => {
  window.__longest = 0
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration)
  }).observe({ type: 'longtask', buffered: true })
  window.__lastChange = 0
  new MutationObserver(() => { window.__lastChange = performance.now() })
    .observe(document, { childList: true, subtree: true, characterData: true, attributes: true })
})()`

/**
 * Keypress → the last change of the page before it stayed still for 150 ms. A keystroke that
 * changes nothing within 3 s (the same results) is left out: `undefined`.
 */
async function keystrokeLatency(page: Page, key: string): Promise<number | undefined> {
  const pressedAt = await page.evaluate<number>('performance.now()')
  await page.keyboard.press(key)
  for (;;) {
    await page.waitForTimeout(25)
    const [now, last] = await page.evaluate<[number, number]>(
      '[performance.now(), window.__lastChange]',
    )
    if (last <= pressedAt) {
      if (now - pressedAt > 3_000) return undefined
      continue
    }
    if (now - last >= 150) return last - pressedAt
  }
}

/** From navigation to the first row of a list being on screen. */
/** The longest task so far (the app's start), then counting starts again from zero. */
async function bootDone(page: Page, boot: { longest: number }): Promise<void> {
  const longest = await page.evaluate<number>(
    '(() => { const l = window.__longest; window.__longest = 0; return l })()',
  )
  boot.longest = Math.max(boot.longest, longest)
}

async function firstRows(page: Page, route: string, selector: string): Promise<number> {
  await page.goto(`${page.url().split('#')[0]}#/settings`)
  await page.locator('main h1').first().waitFor()
  const started = Date.now()
  await page.evaluate(`location.hash = '${route}'`)
  await page.locator(selector).first().waitFor()
  return Date.now() - started
}

interface Figures {
  size: number
  median: number
  p95: number
  contacts: number
  today: number
  /** Longest task while the app starts: script evaluation and first render. */
  boot: number
  /** Longest task while Contacts and Today load and during typing. */
  longest: number
}

async function measure(size: number): Promise<Figures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rapport-bench-ui-'))
  const data = generateStore(
    { contacts: size, encounters: 0, followUps: Math.min(5_000, Math.round(size / 4)) },
    7,
  )
  await seedDataFolder(dataDir, data, 'bench')
  const { url, child } = await startServe(dataDir, 'en', 120_000)
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu'],
  })
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 820 } })
    ).newPage()
    await page.addInitScript(PROBE)
    await page.goto(url)
    const boot = { longest: 0 }
    await page.locator('main h1').first().waitFor()
    await bootDone(page, boot)
    const contacts = await firstRows(page, '#/contacts', '[role=row][aria-rowindex="2"]')
    const today = await firstRows(page, '#/today', '[data-followup]')
    const listsLongest = await page.evaluate<number>('window.__longest')
    await page.goto(`${url.split('?')[0]}#/contacts`)
    const search = page.getByRole('textbox', { name: /Search/ })
    await search.waitFor()
    // A new document: its start counts as boot; the list's rows are shown before typing starts.
    await page.locator('[role=row][aria-rowindex="2"]').first().waitFor()
    await bootDone(page, boot)
    const latencies: number[] = []
    for (const query of QUERIES) {
      await search.fill('')
      await search.focus()
      await page.waitForTimeout(600)
      for (const char of query) {
        const latency = await keystrokeLatency(page, char === ' ' ? 'Space' : char)
        if (latency !== undefined) latencies.push(latency)
      }
    }
    const longest = Math.max(listsLongest, await page.evaluate<number>('window.__longest'))
    return {
      size,
      median: median(latencies),
      p95: percentileOf(latencies, 95),
      contacts,
      today,
      boot: boot.longest,
      longest,
    }
  } finally {
    await browser.close()
    await stopServe(child)
    await rm(dataDir, { recursive: true, force: true })
  }
}

/**
 * The generated store plus duplicates: every 15th contact has a second card with the same
 * email, and every fourth of those a third; ids, names and order stay deterministic.
 */
function withDuplicates(size: number): { data: StoreData; groups: number; triples: number } {
  const data = generateStore({ contacts: size, encounters: 0, followUps: Math.round(size / 4) }, 11)
  const copies: Contact[] = []
  let groups = 0
  let triples = 0
  data.contacts.forEach((contact, i) => {
    if (i % 15 !== 0) return
    groups += 1
    const copiesOf = i % 60 === 0 ? 2 : 1
    if (copiesOf === 2) triples += 1
    for (let k = 1; k <= copiesOf; k += 1) {
      copies.push({
        ...contact,
        id: `dup${k}-${contact.id}`,
        name: k === 1 ? contact.name.split(' ')[0]! : contact.name.toUpperCase(),
        phones: [],
        links: [],
        tags: ['imported'],
      })
    }
  })
  data.contacts.push(...copies)
  return { data, groups, triples }
}

interface BulkFigures {
  size: number
  groups: number
  triples: number
  /** One pair through the field-by-field dialog: click on Merge → its group gone. */
  single: number
  /** Every other group at once: click → the list says there are none left. */
  bulk: number
  /** Of which the core's answer to the one request (merge, journal, fsync). */
  answer: number
  load: string
}

async function bulkMerge(browser: Browser, size: number): Promise<BulkFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rapport-bench-bulk-'))
  const { data, groups, triples } = withDuplicates(size)
  await seedDataFolder(dataDir, data, 'bench')
  const { url, child } = await startServe(dataDir, 'en', 120_000)
  try {
    const load = loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 820 } })
    ).newPage()
    await page.goto(`${url}#/contacts/duplicates`)
    const cards = page.getByTestId('duplicate-group')
    await cards.first().waitFor({ timeout: 120_000 })
    // A pair (not one of the triples), as a user merges one group today.
    const pair = cards.nth(1)
    const pairText = await pair.innerText()
    await pair.getByRole('button', { name: 'Merge…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Merge two cards' })
    let started = Date.now()
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click()
    await cards
      .filter({ hasText: pairText.split('\n')[0]! })
      .first()
      .waitFor({ state: 'detached' })
    const single = Date.now() - started

    const rest = groups - 1
    await page.getByRole('checkbox', { name: `Select all ${rest} groups` }).check()
    const answered = page
      .waitForResponse('**/api/contacts.mergeGroups', { timeout: 300_000 })
      .then(() => Date.now() - started)
    started = Date.now()
    await page.getByRole('button', { name: `Merge ${rest} groups` }).click()
    await page.getByText('No duplicates found.').waitFor({ timeout: 300_000 })
    const bulk = Date.now() - started
    return { size, groups, triples, single, bulk, answer: await answered, load }
  } finally {
    await stopServe(child)
    await rm(dataDir, { recursive: true, force: true })
  }
}

const ms = (value: number) => `${Math.round(value)} ms`

function bulkLines(f: BulkFigures): string {
  return [
    BULK_START,
    '',
    `Bulk merge of suggested duplicates (issue 19), measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC at ${f.size.toLocaleString('en')} contacts plus generated duplicates: ${f.groups} groups, ${f.triples} of them of three cards; load average ${f.load} at the start.`,
    '',
    '| Step | Time |',
    '| :--- | ---: |',
    `| One pair through the merge dialog (click → group gone) | ${ms(f.single)} |`,
    `| All other ${f.groups - 1} groups at once, one transaction (click → list empty) | ${ms(f.bulk)} |`,
    `| of which the core's answer (merge, journal and fsync) | ${ms(f.answer)} |`,
    '',
    BULK_END,
  ].join('\n')
}

async function main() {
  const all: Figures[] = []
  for (const size of SIZES) {
    const figures = await measure(size)
    console.log(figures)
    all.push(figures)
  }
  let bulk: string | null = null
  if (BULK_SIZE > 0) {
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu'],
    })
    try {
      const figures = await bulkMerge(browser, BULK_SIZE)
      console.log(figures)
      bulk = bulkLines(figures)
    } finally {
      await browser.close()
    }
  }
  const old = await readFile(RESULTS, 'utf8')
  const oldBulk = old.includes(BULK_START)
    ? old.slice(old.indexOf(BULK_START), old.indexOf(BULK_END) + BULK_END.length)
    : ''
  let next: string
  if (all.length > 0) next = replaceSection(old, table(all, bulk ?? oldBulk))
  else if (!bulk) return
  else if (oldBulk) next = old.replace(oldBulk, bulk)
  else if (old.includes(END)) next = old.replace(END, `\n${bulk}\n${END}`)
  else next = replaceSection(old, `${START}\n${bulk}\n${END}`)
  // Formatted as the repository's Prettier check expects.
  const options = (await resolveConfig(RESULTS)) ?? {}
  await writeFile(RESULTS, await format(next, { ...options, parser: 'markdown' }))
}

function replaceSection(old: string, section: string): string {
  const at = old.indexOf(START)
  return at >= 0
    ? old.slice(0, at) + section + old.slice(old.indexOf(END) + END.length)
    : `${old.trimEnd()}\n\n${section}\n`
}

/** Taken before any work of this run, so the run's own load does not count. */
const LOAD_AT_START = loadavg()

function table(all: Figures[], bulk: string): string {
  const base = all[0]!
  const ratio = (value: number, of: number) => (of > 0 ? `×${(value / of).toFixed(1)}` : '')
  const lines = [
    START,
    '## UI (`npm run bench:ui`)',
    '',
    `Measured on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), Debian Chromium (SwiftShader), browser mode, load average ${LOAD_AT_START.map((l) => l.toFixed(2)).join(' / ')} at the start (${LOAD_AT_START[0]! > availableParallelism() / 2 ? 'busy with other work: these times are upper bounds' : 'quiet'}). Keystroke latency is keypress → the page stops changing; ratios are against 300 contacts.`,
    '',
    '| Contacts | Keystroke median | Keystroke p95 | First rows, Contacts | First rows, Today | Longest task, lists and typing | Longest task, app start |',
    '| -------: | ---------------: | ------------: | -------------------: | ----------------: | -----------------------------: | ----------------------: |',
    ...all.map(
      (f) =>
        `| ${f.size.toLocaleString('en')} | ${ms(f.median)} ${ratio(f.median, base.median)} | ${ms(f.p95)} ${ratio(f.p95, base.p95)} | ${ms(f.contacts)} ${ratio(f.contacts, base.contacts)} | ${ms(f.today)} ${ratio(f.today, base.today)} | ${ms(f.longest)} | ${ms(f.boot)} |`,
    ),
    '',
    'Targets (issue 19): keystroke ≤ 50 ms median and ≤ 100 ms p95 at 20,000; first rows ≤ 500 ms; no task over 100 ms while a list loads or scrolls. The app start (evaluating the scripts, the first render) is shown apart: it happens once per window, before any list.',
    ...(bulk ? ['', bulk] : []),
    END,
  ]
  return lines.join('\n')
}

await main()
