import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, type BrowserContext, type Cookie } from '@playwright/test'
import { startServe, stopServe } from './serveProcess'

export { startServe, stopServe }

export interface ServedApp {
  /** The launch address; the test's browser context is already signed in with it. */
  url: string
  dataDir: string
  storeFile: string
  journalFile: string
  /** Stops the server as a user would (Ctrl+C), which folds the journal into the snapshot. */
  stop(): Promise<void>
  /** Lets another browser context in (a second window of the same person). */
  signIn(context: BrowserContext): Promise<void>
}

export const test = base.extend<{
  served: ServedApp
  demoLanguage: string
}>({
  demoLanguage: ['en', { option: true }],
  served: async ({ demoLanguage, context }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'rapport-e2e-'))
    const { url, child } = await startServe(dataDir, demoLanguage)
    // Opens the launch address as the browser would, which stores the session cookie.
    const opened = await context.request.get(url)
    if (!opened.ok()) throw new Error(`the launch address answered ${opened.status()}`)
    const cookies: Cookie[] = await context.cookies(url)
    if (!cookies.some((cookie) => cookie.name.startsWith('rapport-session-')))
      throw new Error('the launch address set no session cookie')
    await use({
      signIn: (other) => other.addCookies(cookies),
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
