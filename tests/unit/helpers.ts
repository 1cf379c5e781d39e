import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { Core } from '../../src/main/core/openCore'

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
