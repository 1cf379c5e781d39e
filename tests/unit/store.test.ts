import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RapportError } from '../../src/shared/errors'
import { CURRENT_SCHEMA_VERSION, emptyStoreData } from '../../src/shared/model'
import { openJsonStore } from '../../src/main/core/store/jsonFileStore'
import { migrate, MigrationError } from '../../src/main/core/store/migrations'
import { tempDir } from './helpers'

async function refusal(file: string): Promise<RapportError> {
  const error = await openJsonStore(file, { initialData: emptyStoreData }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(RapportError)
  return error as RapportError
}

describe('the JSON store', () => {
  it('creates the file on first open and keeps what was written across reopen', async () => {
    const file = join(await tempDir(), 'nested', 'rapport.json')
    const store = await openJsonStore(file, { initialData: emptyStoreData })
    await store.update((data) => {
      data.settings.me.name = 'Lin Yue'
    })
    await store.close()
    const onDisk = JSON.parse(await readFile(file, 'utf8'))
    expect(onDisk.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(onDisk.settings.me.name).toBe('Lin Yue')
    const reopened = await openJsonStore(file, { initialData: emptyStoreData })
    expect(reopened.read().settings.me.name).toBe('Lin Yue')
  })

  it.each([
    ['not JSON', '{"schemaVersion": 1, "contacts": [', /not valid JSON/],
    ['the wrong shape', JSON.stringify({ schemaVersion: 1, contacts: 'nobody' }), /do not match/],
    ['a newer schema', JSON.stringify({ ...emptyStoreData(), schemaVersion: 99 }), /newer Rapport/],
    ['no version', JSON.stringify({ contacts: [] }), /schemaVersion/],
  ])(
    'refuses a file with %s, names it, and leaves it byte for byte as it was',
    async (_, text, reason) => {
      const file = join(await tempDir(), 'rapport.json')
      await writeFile(file, text)
      const error = await refusal(file)
      expect(error.code).toBe('STORE_UNAVAILABLE')
      expect(error.details).toMatchObject({ file })
      expect((error.details as { reason: string }).reason).toMatch(reason)
      expect(await readFile(file, 'utf8')).toBe(text)
    },
  )

  it('changes nothing, in memory or on disk, when a mutation throws', async () => {
    const file = join(await tempDir(), 'rapport.json')
    const store = await openJsonStore(file, { initialData: emptyStoreData })
    const before = await readFile(file, 'utf8')
    await expect(
      store.update((data) => {
        data.settings.me.name = 'half-done'
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(store.read().settings.me.name).toBe('')
    expect(await readFile(file, 'utf8')).toBe(before)
  })

  it('refuses a mutation that would break the data format, with VALIDATION', async () => {
    const file = join(await tempDir(), 'rapport.json')
    const store = await openJsonStore(file, { initialData: emptyStoreData })
    const before = await readFile(file, 'utf8')
    const error = await store
      .update((data) => {
        ;(data.contacts as unknown[]).push({ name: 'no id' })
      })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'VALIDATION' })
    expect(store.read().contacts).toHaveLength(0)
    expect(await readFile(file, 'utf8')).toBe(before)
  })

  it('applies concurrent updates one after another without losing any', async () => {
    const file = join(await tempDir(), 'rapport.json')
    const store = await openJsonStore(file, { initialData: emptyStoreData })
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.update((data) => {
          data.settings.me.name += String(i % 10)
        }),
      ),
    )
    expect(store.read().settings.me.name).toHaveLength(20)
    const onDisk = JSON.parse(await readFile(file, 'utf8'))
    expect(onDisk.settings.me.name).toHaveLength(20)
  })
})

describe('migrations', () => {
  it('runs each step in order up to the target version', () => {
    const steps = [
      { from: 1, up: (doc: Record<string, unknown>) => ({ ...doc, a: 1 }) },
      { from: 2, up: (doc: Record<string, unknown>) => ({ ...doc, b: (doc.a as number) + 1 }) },
    ]
    expect(migrate({ schemaVersion: 1 }, steps)).toEqual({ schemaVersion: 3, a: 1, b: 2 })
  })

  it('refuses a file from a newer version and a file without a version', () => {
    expect(() => migrate({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 })).toThrow(MigrationError)
    expect(() => migrate({})).toThrow(/schemaVersion/)
    expect(() => migrate([])).toThrow(MigrationError)
  })
})
