/**
 * Phone sync against Radicale on loopback: the first sync of 5,000 contacts and 10,000 open
 * follow-ups (time, peak memory of this process, and Radicale's own CPU share), then a sync with
 * nothing changed (target ≤ 1 s) and one with 10 changes on each side (target ≤ 2 s), with the
 * longest the event loop was held during each. BENCH_QUICK=1 uses a tenth of the size.
 * Skipped ("not run") when /usr/bin/radicale is missing.
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { openCore, type Core } from '../src/main/core/openCore'
import type { Contact } from '../src/shared/model'
import type { SyncReport } from '../src/shared/sync/syncOperations'
import { editLine, phoneFor } from '../tests/unit/support/davPhone'
import { hasRadicale, startRadicale, type Radicale } from '../tests/unit/support/radicale'
import { targetText, type BenchFigure } from './figures'
import { generateStore } from './generateStore'
import { seedDataFolder } from './seedDataFolder'

const SECTION = 'Phone sync'

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const answer = await core.dispatch(name, input)
  if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`)
  return answer.value as T
}

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return Number.NaN
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return Number.NaN
  }
}

async function timed(core: Core, server: Radicale) {
  const loop = monitorEventLoopDelay({ resolution: 10 })
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  const radicaleBefore = cpuSeconds(server.pid())
  const ownBefore = process.cpuUsage()
  loop.enable()
  const started = performance.now()
  const report = await call<SyncReport>(core, 'sync.run', {})
  const ms = performance.now() - started
  loop.disable()
  clearInterval(sampler)
  const radicaleCpu = cpuSeconds(server.pid()) - radicaleBefore
  const own = process.cpuUsage(ownBefore)
  const ownCpu = (own.user + own.system) / 1e6
  return { ms, report, peakMb: peak / 2 ** 20, loopMaxMs: loop.max / 1e6, radicaleCpu, ownCpu }
}

export async function runSyncBench(): Promise<BenchFigure[]> {
  const quick = process.env.BENCH_QUICK === '1'
  const contacts = quick ? 500 : 5_000
  const followUps = quick ? 1_000 : 10_000
  const sizeLabel = `${contacts.toLocaleString('en')} contacts + ${followUps.toLocaleString('en')} follow-ups`
  if (!hasRadicale) {
    console.log(`\n${SECTION}: not run (Radicale is not installed)`)
    return [{ section: SECTION, measure: 'first sync', value: 'not run', unit: '' }]
  }
  console.log(`\n${SECTION}: ${sizeLabel} against Radicale on loopback`)
  const dir = await mkdtemp(join(tmpdir(), 'rapport-sync-bench-'))
  const server = await startRadicale()
  const data = generateStore({ contacts, encounters: 0, followUps }, 7)
  await seedDataFolder(dir, data, 'bench')
  const core = await openCore({
    dataDir: dir,
    version: 'bench',
    systemLanguage: 'en',
    backups: false,
    watchIntervalMs: 0,
    reminders: false,
    syncPassword: () => server.password,
  })
  try {
    await call(core, 'sync.configure', {
      serverUrl: server.url,
      user: server.user,
      events: false,
      gatherings: false,
    })
    await call(core, 'sync.createCollections', { addressBook: true, calendar: true })

    const first = await timed(core, server)
    const created = first.report.up.created
    console.log(
      `  first sync: ${(first.ms / 1000).toFixed(1)} s for ${created} items up, peak RSS ` +
        `${first.peakMb.toFixed(0)} MB, Rapport CPU ${first.ownCpu.toFixed(1)} s, ` +
        `Radicale CPU ${first.radicaleCpu.toFixed(1)} s ` +
        `(${((100 * first.radicaleCpu * 1000) / first.ms).toFixed(0)}% of the wall time), ` +
        `longest loop block ${first.loopMaxMs.toFixed(0)} ms`,
    )

    const idle = await timed(core, server)
    console.log(
      `  nothing changed: ${idle.ms.toFixed(0)} ms, longest loop block ${idle.loopMaxMs.toFixed(0)} ms`,
    )

    const phone = phoneFor(server)
    const book = `${server.url}${server.user}/rapport-contacts/`
    const stored = await call<Contact[]>(core, 'contacts.list', {})
    for (const contact of stored.slice(0, 10)) {
      await call(core, 'contacts.update', { id: contact.id, patch: { role: 'Changed in Rapport' } })
    }
    for (const contact of stored.slice(10, 20)) {
      const href = `${book}${encodeURIComponent(contact.id)}.vcf`
      const response = await fetch(href, { headers: { Authorization: phone.auth } })
      const text = await response.text()
      await phone.put(
        href,
        editLine(text, 'TITLE', 'Changed on the phone'),
        response.headers.get('etag') ?? '',
      )
    }
    const ten = await timed(core, server)
    console.log(
      `  10 changes each side: ${ten.ms.toFixed(0)} ms (up ${ten.report.up.updated}, down ` +
        `${ten.report.down.updated}), longest loop block ${ten.loopMaxMs.toFixed(0)} ms`,
    )
    const loopMax = Math.max(first.loopMaxMs, idle.loopMaxMs, ten.loopMaxMs)
    return [
      { section: SECTION, measure: `first sync, ${sizeLabel}`, value: first.ms / 1000, unit: 's' },
      { section: SECTION, measure: 'first sync, peak RSS', value: first.peakMb, unit: 'MB' },
      {
        section: SECTION,
        measure: "first sync, Radicale's CPU",
        value: first.radicaleCpu,
        unit: 's',
      },
      {
        section: SECTION,
        measure: 'nothing changed',
        value: idle.ms,
        unit: 'ms',
        target: targetText('≤', 1000, 'ms'),
        met: idle.ms <= 1000,
      },
      {
        section: SECTION,
        measure: '10 changes on each side',
        value: ten.ms,
        unit: 'ms',
        target: targetText('≤', 2000, 'ms'),
        met: ten.ms <= 2000 && ten.report.up.updated >= 10 && ten.report.down.updated >= 10,
      },
      {
        section: SECTION,
        measure: 'longest event-loop block',
        value: loopMax,
        unit: 'ms',
        target: targetText('≤', 100, 'ms'),
        met: loopMax <= 100,
      },
    ]
  } finally {
    await core.close()
    await server.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('syncBench.ts')) {
  runSyncBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
