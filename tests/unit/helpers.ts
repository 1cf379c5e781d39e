import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { openCore, type Core, type CoreOptions } from '../../src/main/core/openCore'

const made: string[] = []

/** A fresh temp folder per test, removed afterwards. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-test-'))
  made.push(dir)
  return dir
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

/** Calls one operation through the contract; an error envelope rejects with its code. */
export async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const answer = await core.dispatch(name, input)
  if (!answer.ok) throw Object.assign(new Error(answer.error.message), answer.error)
  return answer.value as T
}

/** A core on a fresh temp folder with no timers, backups or file watching: quiet for tests. */
export async function quietCore(options: Partial<CoreOptions> = {}): Promise<Core> {
  return openCore({
    dataDir: options.dataDir ?? (await tempDir()),
    version: 'test',
    systemLanguage: 'en',
    backups: false,
    watchIntervalMs: 0,
    reminders: false,
    ...options,
  })
}
