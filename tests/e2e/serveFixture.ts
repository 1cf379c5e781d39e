import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base } from '@playwright/test'

export interface ServedApp {
  url: string
  dataDir: string
  storeFile: string
  journalFile: string
  /** Stops the server as a user would (Ctrl+C), which folds the journal into the snapshot. */
  stop(): Promise<void>
}

/** Starts browser mode (`out/main/serve.js`, built by `npm run test:e2e`) on a fresh temp folder. */
export async function startServe(
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

export async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

export const test = base.extend<{
  served: ServedApp
  demoLanguage: string
}>({
  demoLanguage: ['en', { option: true }],
  served: async ({ demoLanguage }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'rapport-e2e-'))
    const { url, child } = await startServe(dataDir, demoLanguage)
    await use({
      url,
      dataDir,
      storeFile: join(dataDir, 'rapport.json'),
      journalFile: join(dataDir, 'rapport.journal'),
      stop: () => stopServe(child),
    })
    await stopServe(child)
    await rm(dataDir, { recursive: true, force: true })
  },
})
export { expect } from '@playwright/test'
