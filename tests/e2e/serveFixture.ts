import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base } from '@playwright/test'

export interface ServedApp {
  url: string
  dataDir: string
  storeFile: string
}

/** Starts browser mode (`out/main/serve.js`, built by `npm run test:e2e`) on a fresh temp folder. */
async function startServe(
  dataDir: string,
  lang: string,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['out/main/serve.js', '--data', dataDir, '--port', '0', '--lang', lang],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Rapport is running at (\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)))
  })
  return { url, child }
}

export const test = base.extend<{
  served: ServedApp
  demoLanguage: string
  /** Text put in the store file before start; unset means a first launch. */
  storeText: string | undefined
}>({
  demoLanguage: ['en', { option: true }],
  storeText: [undefined, { option: true }],
  served: async ({ demoLanguage, storeText }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'rapport-e2e-'))
    if (storeText !== undefined) await writeFile(join(dataDir, 'rapport.json'), storeText)
    const { url, child } = await startServe(dataDir, demoLanguage)
    await use({ url, dataDir, storeFile: join(dataDir, 'rapport.json') })
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
    await rm(dataDir, { recursive: true, force: true })
  },
})
export { expect } from '@playwright/test'
