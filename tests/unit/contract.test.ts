import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { contract, contactPatchSchema, operationNames } from '../../src/shared/contract'
import { quietCore, tempDir } from './helpers'

const core = () => quietCore()

/** Everything the store keeps on disk: the snapshot and the journal. */
async function onDisk(storeFile: string): Promise<string> {
  const journal = await readFile(storeFile.replace(/\.json$/, '.journal'), 'utf8').catch(() => '')
  return (await readFile(storeFile, 'utf8')) + journal
}

describe('the contract through dispatch', () => {
  it('declares an input schema for every operation', () => {
    for (const name of operationNames) expect(contract[name].input).toBeDefined()
  })

  it.each([
    ['a missing name', { organization: 'Acme' }, 'name'],
    ['an empty name', { name: '   ' }, 'name'],
    ['an unknown field', { name: 'Ada', shoeSize: 42 }, ''],
    ['a wrong tier', { name: 'Ada', tier: 'bestie' }, 'tier'],
    ['an id chosen by the caller', { name: 'Ada', id: 'mine' }, ''],
  ])('answers VALIDATION for %s and writes nothing', async (_, input, path) => {
    const c = await core()
    const before = await onDisk(c.storeFile)
    const answer = await c.dispatch('contacts.create', input)
    expect(answer.ok).toBe(false)
    if (answer.ok) return
    expect(answer.error.code).toBe('VALIDATION')
    const issues = (answer.error.details as { issues: { path: string }[] }).issues
    expect(issues.map((i) => i.path)).toContain(path)
    expect(await onDisk(c.storeFile)).toBe(before)
  })

  it('answers NOT_FOUND for an unknown operation and for a missing contact', async () => {
    const c = await core()
    expect(await c.dispatch('contacts.explode', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await c.dispatch('contacts.get', { id: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', details: { kind: 'contact', id: 'nobody' } },
    })
  })

  it('creates, updates, lists and deletes a contact, all on disk', async () => {
    const c = await core()
    const created = await c.dispatch('contacts.create', {
      name: '林悦',
      organization: 'Hangzhou Labs',
    })
    if (!created.ok) throw new Error(created.error.message)
    const contact = created.value as { id: string; updatedAt: string }
    const updated = await c.dispatch('contacts.update', { id: contact.id, patch: { role: 'CTO' } })
    expect(updated).toMatchObject({
      ok: true,
      value: { name: '林悦', organization: 'Hangzhou Labs', role: 'CTO' },
    })
    expect(await onDisk(c.storeFile)).toContain('"role":"CTO"')
    expect(await c.dispatch('contacts.list', { query: 'hangzhou' })).toMatchObject({
      ok: true,
      value: [{ name: '林悦' }],
    })
    expect(await c.dispatch('contacts.list', { query: 'nobody' })).toMatchObject({
      ok: true,
      value: [],
    })
    const deleted = await c.dispatch('contacts.delete', { id: contact.id })
    expect(deleted.ok).toBe(true)
    expect(await c.dispatch('contacts.list', {})).toMatchObject({ ok: true, value: [] })
    if (!deleted.ok) return
    expect(
      await c.dispatch('contacts.restore', {
        undoToken: (deleted.value as { undoToken: string }).undoToken,
      }),
    ).toMatchObject({
      ok: true,
      value: { name: '林悦' },
    })
    await c.close()
    const snapshot = JSON.parse(await readFile(c.storeFile, 'utf8'))
    expect(snapshot.contacts).toMatchObject([
      { name: '林悦', organization: 'Hangzhou Labs', role: 'CTO' },
    ])
  })

  it('refuses a stale update with CONFLICT and keeps the newer card', async () => {
    const c = await core()
    const created = await c.dispatch('contacts.create', { name: 'Ada' })
    if (!created.ok) throw new Error()
    const { id, updatedAt } = created.value as { id: string; updatedAt: string }
    await c.dispatch('contacts.update', {
      id,
      patch: { role: 'first edit' },
      expectedUpdatedAt: updatedAt,
    })
    const stale = await c.dispatch('contacts.update', {
      id,
      patch: { role: 'stale edit' },
      expectedUpdatedAt: updatedAt,
    })
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await c.dispatch('contacts.get', { id })).toMatchObject({
      value: { role: 'first edit' },
    })
  })

  it('patches change only the fields they name', () => {
    expect(contactPatchSchema.parse({ role: 'CTO' })).toEqual({ role: 'CTO' })
  })

  it('answers STORE_UNAVAILABLE for data operations when the file is unreadable, and says which', async () => {
    const dir = await tempDir()
    const { writeFile } = await import('node:fs/promises')
    await writeFile(`${dir}/rapport.json`, 'garbage')
    const c = await quietCore({ dataDir: dir })
    expect(c.unavailable?.code).toBe('STORE_UNAVAILABLE')
    const info = await c.dispatch('app.info', undefined)
    expect(info).toMatchObject({ ok: true, value: { storeError: { code: 'STORE_UNAVAILABLE' } } })
    expect(await c.dispatch('contacts.list', {})).toMatchObject({
      ok: false,
      error: { code: 'STORE_UNAVAILABLE', details: { file: `${dir}/rapport.json` } },
    })
    expect(await readFile(`${dir}/rapport.json`, 'utf8')).toBe('garbage')
  })

  it('starts empty after a damaged file only when the user confirms, keeping the file aside', async () => {
    const dir = await tempDir()
    const { writeFile, readdir } = await import('node:fs/promises')
    await writeFile(`${dir}/rapport.json`, 'garbage')
    const c = await quietCore({ dataDir: dir, demoOnFirstLaunch: true })
    expect(await c.dispatch('store.startEmpty', {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(await c.dispatch('store.startEmpty', { confirm: true })).toMatchObject({ ok: true })
    expect(c.unavailable).toBeNull()
    expect(await c.dispatch('contacts.list', {})).toMatchObject({ ok: true, value: [] })
    const aside = (await readdir(dir)).find((n) => n.startsWith('rapport.corrupt-'))
    expect(await readFile(`${dir}/${aside}`, 'utf8')).toBe('garbage')
    await c.close()
  })
})
