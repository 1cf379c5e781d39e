import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base } from '@playwright/test'
import { startServe, stopServe } from './serveProcess'

export { startServe, stopServe }

export interface ServedApp {
  url: string
  dataDir: string
  storeFile: string
  journalFile: string
  /** Stops the server as a user would (Ctrl+C), which folds the journal into the snapshot. */
  stop(): Promise<void>
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
