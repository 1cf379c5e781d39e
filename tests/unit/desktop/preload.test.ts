import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { operationNames } from '../../../src/shared/operationNames'

// The built preload run in Node with the electron stand-in's contextBridge and ipcRenderer.

const ROOT = join(__dirname, '../../..')
const PRELOAD = join(ROOT, 'out/preload/index.cjs')
const REGISTER = join(ROOT, 'tests/electron-stand-in/register.mjs')
const BUILD_MS = 240_000

/** Loads the preload with `require`, as Electron does, and calls one exposed function. */
const script = `
  const { createRequire } = await import('node:module')
  createRequire(import.meta.url)(${JSON.stringify(PRELOAD)})
  const { standIn } = await import('electron')
  await standIn.exposedApi()['contacts.search']({ text: 'Ada' })
  const heard = []
  const stop = standIn.exposedAs('rapportChanges').subscribe((c) => heard.push(c))
  standIn.sendToRenderer('rapport:changed', ['contacts', 42])
  stop()
  standIn.sendToRenderer('rapport:changed', ['after unsubscribe'])
  const { exposed, exposures } = standIn.snapshot()
  console.log(JSON.stringify({ exposed, exposures, heard, invoked: standIn.invoked }))
`

interface PreloadRun {
  exposed: { key: string; members: Record<string, string> }
  exposures: Record<string, Record<string, string>>
  heard: unknown[]
  invoked: { channel: string; input: unknown }[]
}

describe('the preload', () => {
  beforeAll(() => {
    if (existsSync(PRELOAD)) return
    execFileSync('npx', ['electron-vite', 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      timeout: BUILD_MS,
    })
  }, BUILD_MS + 10_000)

  it("exposes exactly the contract's operations, each forwarding to its IPC channel", () => {
    const out = execFileSync(
      process.execPath,
      ['--import', REGISTER, '--input-type=module', '-e', script],
      { cwd: ROOT, encoding: 'utf8' },
    )
    const { exposed, exposures, heard, invoked } = JSON.parse(out) as PreloadRun
    expect(exposed.key).toBe('rapport')
    // Beside the contract, only a subscription to "changed" events: strings reach the page,
    // nothing else, and nothing after unsubscribing.
    expect(Object.keys(exposures).sort()).toEqual(['rapport', 'rapportChanges'])
    expect(exposures.rapportChanges).toEqual({ subscribe: 'function' })
    expect(heard).toEqual([['contacts']])
    expect(Object.keys(exposed.members).sort()).toEqual([...operationNames].sort())
    expect(new Set(Object.values(exposed.members))).toEqual(new Set(['function']))
    expect(invoked).toEqual([
      { channel: 'rapport:contacts.search', input: JSON.stringify({ input: { text: 'Ada' } }) },
    ])
  })

  it('ships without the zod contract', async () => {
    expect(statSync(PRELOAD).size).toBeLessThan(10_000)
    expect(await readFile(PRELOAD, 'utf8')).not.toMatch(/safeParse|ZodError|_zod/)
  })
})
