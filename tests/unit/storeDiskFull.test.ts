import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, open as openFile, readdir, rm, rmdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { contactSchema } from '../../src/shared/model'
import { quietCore } from './helpers'
import { contact, forgetLock, ids, open } from './storeTestKit'

/**
 * A full disk, for real: the store runs on a 2 MB tmpfs that a filler file fills up. Mounting
 * needs root; where it is not allowed the tests are skipped with one line saying so.
 */
let mountPoint = ''
let mounted = false

beforeAll(async () => {
  mountPoint = await mkdtemp(join(tmpdir(), 'rapport-full-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], {
      stdio: 'ignore',
    })
    mounted = true
  } catch {
    console.log('storeDiskFull: skipped, mounting a small tmpfs is not allowed here')
  }
})

afterAll(async () => {
  // Lazy: a store left open on purpose (a simulated crash) still holds its journal.
  if (mounted) execFileSync('umount', ['-l', mountPoint])
  await rmdir(mountPoint).catch(() => undefined)
})

let folders = 0
async function folder(): Promise<string> {
  folders += 1
  const dir = join(mountPoint, `data-${folders}`)
  await mkdir(dir)
  return dir
}

/** Fills the file system until it refuses another byte; returns the filler to delete later. */
async function fillDisk(): Promise<string> {
  const filler = join(mountPoint, `filler-${folders}`)
  const handle = await openFile(filler, 'w')
  try {
    for (const size of [65_536, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size, 1)
      for (;;) {
        try {
          await handle.write(chunk)
        } catch {
          break
        }
      }
    }
  } finally {
    await handle.close()
  }
  return filler
}

const withNote = (id: string) =>
  contactSchema.parse({ ...contact(id), notes: 'a long note '.repeat(1000) })

describe('a full disk', () => {
  it('never shows a change that was not saved, and saves again once there is space', async (ctx) => {
    if (!mounted) return ctx.skip()
    const dir = await folder()
    const store = await open(dir)
    await store.update((tx) => tx.put('contacts', contact('a')))
    const filler = await fillDisk()

    await expect(store.update((tx) => tx.put('contacts', withNote('b')))).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    })
    // Not durable, so not there: a retry cannot make a duplicate.
    expect(ids(store.read())).toEqual(['a'])
    expect(store.notices()).toMatchObject([{ kind: 'saveFailed', code: 'ENOSPC' }])

    await rm(filler)
    await store.update((tx) => tx.put('contacts', withNote('b')))
    expect(ids(store.read())).toEqual(['a', 'b'])
    expect(store.notices()).toEqual([])
    await forgetLock(dir)
    const reopened = await open(dir)
    expect(ids(reopened.read())).toEqual(['a', 'b'])
    await reopened.close()
  })

  it('leaves no partial temporary file when a compaction fails, and quits cleanly with a message', async (ctx) => {
    if (!mounted) return ctx.skip()
    const dir = await folder()
    const store = await open(dir)
    for (let i = 0; i < 40; i += 1)
      await store.update((tx) => tx.put('contacts', withNote(`n${i}`)))
    const filler = await fillDisk()

    await expect(store.compact()).rejects.toThrow(/ENOSPC|no space/i)
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])

    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await expect(store.close()).resolves.toBeUndefined()
    expect(said).toHaveBeenCalledTimes(1)
    expect(String(said.mock.calls[0]![0])).toMatch(/safe in .*rapport\.journal/)
    said.mockRestore()
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])

    await rm(filler)
    const reopened = await open(dir)
    expect(reopened.read().contacts).toHaveLength(40)
    await reopened.close()
  })

  it('is reported by app.info, and a contact that could not be saved is not in the list', async (ctx) => {
    if (!mounted) return ctx.skip()
    const dir = await folder()
    const core = await quietCore({ dataDir: dir })
    const filler = await fillDisk()
    const created = await core.dispatch('contacts.create', {
      name: 'Wei Wang',
      notes: 'met at the summit '.repeat(600),
    })
    expect(created).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE' } })
    const info = await core.dispatch('app.info', undefined)
    expect(info).toMatchObject({
      ok: true,
      value: { notices: [{ kind: 'saveFailed', code: 'ENOSPC' }] },
    })
    const listed = await core.dispatch('contacts.list', {})
    expect(JSON.stringify(listed)).not.toContain('Wei Wang')
    await rm(filler)
    expect(await core.dispatch('contacts.create', { name: 'Wei Wang' })).toMatchObject({ ok: true })
    await core.close()
  })
})
