import { lstat, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/openCore'
import type { Settings } from '../../src/shared/model'
import { call, quietCore, tempDir } from './helpers'

/**
 * The calendar file Rapport keeps up to date is replaced after every change, so a wrong path
 * would destroy a file. Each refusal here leaves the file (and the setting) exactly as it was.
 */

const FOREIGN_CALENDAR =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Someone Else//Their Calendar//EN\r\nEND:VCALENDAR\r\n'

async function setup(options: Parameters<typeof quietCore>[0] = {}) {
  const dataDir = await tempDir()
  const elsewhere = await tempDir()
  const core = await quietCore({ dataDir, ...options })
  return { core, dataDir, elsewhere }
}

async function refusal(core: Core, path: string) {
  const answer = await core.dispatch('calendar.setAutoExport', { path })
  expect(answer.ok, path).toBe(false)
  if (answer.ok) throw new Error('accepted')
  return answer.error
}

async function currentPath(core: Core): Promise<string> {
  return (await call<Settings>(core, 'settings.get', undefined)).reminders.autoExportPath
}

describe('choosing the calendar auto-export file', () => {
  it('no longer takes the path through settings.update', async () => {
    const { core, elsewhere } = await setup()
    try {
      const victim = join(elsewhere, 'victim.ics')
      const answer = await core.dispatch('settings.update', {
        reminders: { autoExportPath: victim },
      })
      expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      expect(await currentPath(core)).toBe('')
      // The rest of the reminders still save, with the path unchanged.
      await call(core, 'settings.update', { reminders: { enabled: false, autoExportPath: '' } })
    } finally {
      await core.close()
    }
  })

  it('refuses a relative path, a file not ending in .ics, and a missing folder', async () => {
    const { core, dataDir } = await setup()
    try {
      const notes = join(dataDir, 'notes.txt')
      await writeFile(notes, 'my notes')
      expect(await refusal(core, 'rapport.ics')).toMatchObject({
        code: 'VALIDATION',
        details: { reason: 'autoExport.notAbsolute' },
      })
      const txt = await refusal(core, notes)
      expect(txt.details).toMatchObject({ reason: 'autoExport.notIcs' })
      expect(txt.message).toContain('does not end in .ics')
      expect(await readFile(notes, 'utf8')).toBe('my notes')
      expect((await refusal(core, join(dataDir, 'no', 'such.ics'))).details).toMatchObject({
        reason: 'autoExport.noFolder',
      })
      expect(await currentPath(core)).toBe('')
    } finally {
      await core.close()
    }
  })

  it('refuses a typed path outside the data folder, also through a link inside it', async () => {
    const { core, dataDir, elsewhere } = await setup()
    try {
      const outside = join(elsewhere, 'rapport.ics')
      const error = await refusal(core, outside)
      expect(error.details).toMatchObject({ reason: 'autoExport.outsideFolders' })
      expect(error.message).toContain('--export-dir')
      await symlink(elsewhere, join(dataDir, 'door'))
      expect((await refusal(core, join(dataDir, 'door', 'rapport.ics'))).details).toMatchObject({
        reason: 'autoExport.outsideFolders',
      })
      await expect(stat(outside)).rejects.toMatchObject({ code: 'ENOENT' })
    } finally {
      await core.close()
    }
  })

  it('refuses to replace a calendar Rapport did not write', async () => {
    const { core, dataDir } = await setup()
    try {
      const theirs = join(dataDir, 'theirs.ics')
      await writeFile(theirs, FOREIGN_CALENDAR)
      const error = await refusal(core, theirs)
      expect(error.details).toMatchObject({ reason: 'autoExport.notOurs' })
      expect(error.message).toContain('is not a calendar Rapport wrote')
      expect(await readFile(theirs, 'utf8')).toBe(FOREIGN_CALENDAR)
    } finally {
      await core.close()
    }
  })

  it('never follows a symbolic link, even to a calendar of its own', async () => {
    const { core, dataDir, elsewhere } = await setup()
    try {
      // A calendar Rapport wrote, elsewhere; a link to it in the data folder.
      const own = join(dataDir, 'own.ics')
      await call(core, 'calendar.setAutoExport', { path: own })
      const target = join(elsewhere, 'target.ics')
      const ownText = await readFile(own, 'utf8')
      await writeFile(target, ownText)
      await call(core, 'calendar.setAutoExport', { path: '' })
      const link = join(dataDir, 'link.ics')
      await symlink(target, link)
      const error = await refusal(core, link)
      expect(error.details).toMatchObject({ reason: 'autoExport.symlink' })
      expect(await readFile(target, 'utf8')).toBe(ownText)
    } finally {
      await core.close()
    }
  })

  it('keeps a new file in the data folder current, owner-only, and replaces its own file', async () => {
    const { core, dataDir } = await setup()
    try {
      const file = join(dataDir, 'rapport.ics')
      const settings = await call<Settings>(core, 'calendar.setAutoExport', { path: file })
      expect(settings.reminders.autoExportPath).toBe(file)
      const first = await readFile(file, 'utf8')
      expect(first).toContain('PRODID:-//Rapport//Rapport//EN')
      if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600)
      // Chosen again: the file is Rapport's own now, so it may be replaced.
      await call(core, 'calendar.setAutoExport', { path: file })
      const contact = await call<{ id: string }>(core, 'contacts.create', { name: 'Ada' })
      await call(core, 'followUps.create', {
        contactId: contact.id,
        title: 'Send Ada the notes',
        dueAt: '2027-01-05T10:00:00.000Z',
      })
      await expect
        .poll(async () => (await readFile(file, 'utf8')).includes('Send Ada the notes'), {
          timeout: 5000,
        })
        .toBe(true)
    } finally {
      await core.close()
    }
  })

  it('stops writing when the file was swapped for a link after it was chosen', async () => {
    const { core, dataDir, elsewhere } = await setup()
    try {
      const file = join(dataDir, 'rapport.ics')
      await call(core, 'calendar.setAutoExport', { path: file })
      const victim = join(elsewhere, 'victim.ics')
      await writeFile(victim, FOREIGN_CALENDAR)
      const { rm } = await import('node:fs/promises')
      await rm(file)
      await symlink(victim, file)
      const contact = await call<{ id: string }>(core, 'contacts.create', { name: 'Grace' })
      await call(core, 'followUps.create', {
        contactId: contact.id,
        title: 'Call Grace',
        dueAt: '2027-01-05T10:00:00.000Z',
      })
      await new Promise((wait) => setTimeout(wait, 800))
      expect(await readFile(victim, 'utf8')).toBe(FOREIGN_CALENDAR)
      expect((await lstat(file)).isSymbolicLink()).toBe(true)
    } finally {
      await core.close()
    }
  })

  it('accepts a folder given with --export-dir', async () => {
    const exportDir = await tempDir()
    const { core } = await setup({ exportFolders: [exportDir] })
    try {
      const file = join(exportDir, 'calendars', 'rapport.ics')
      await mkdir(join(exportDir, 'calendars'))
      await call(core, 'calendar.setAutoExport', { path: file })
      expect(await readFile(file, 'utf8')).toContain('BEGIN:VCALENDAR')
    } finally {
      await core.close()
    }
  })

  it('takes any folder from the desktop save dialog, but still only an .ics that is new or its own', async () => {
    const elsewhere = await tempDir()
    let chosen: string | null = null
    const { core } = await setup({ chooseAutoExportFile: async () => chosen })
    try {
      const cancelled = await call<{ chosen: boolean }>(
        core,
        'calendar.chooseAutoExport',
        undefined,
      )
      expect(cancelled.chosen).toBe(false)
      chosen = join(elsewhere, 'picked.ics')
      const picked = await call<{ chosen: boolean; settings: Settings }>(
        core,
        'calendar.chooseAutoExport',
        undefined,
      )
      expect(picked).toMatchObject({
        chosen: true,
        settings: { reminders: { autoExportPath: chosen } },
      })
      expect(await readFile(chosen, 'utf8')).toContain('PRODID:-//Rapport//Rapport//EN')
      chosen = join(elsewhere, 'theirs.ics')
      await writeFile(chosen, FOREIGN_CALENDAR)
      const refused = await core.dispatch('calendar.chooseAutoExport', undefined)
      expect(refused).toMatchObject({
        ok: false,
        error: { details: { reason: 'autoExport.notOurs' } },
      })
      expect(await readFile(chosen, 'utf8')).toBe(FOREIGN_CALENDAR)
    } finally {
      await core.close()
    }
    const browser = await quietCore()
    try {
      expect(await browser.dispatch('calendar.chooseAutoExport', undefined)).toMatchObject({
        ok: false,
        error: { code: 'UNSUPPORTED' },
      })
    } finally {
      await browser.close()
    }
  })
})
