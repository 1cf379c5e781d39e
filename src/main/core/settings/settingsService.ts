import { isSupportedCountry } from 'libphonenumber-js'
import { assertFreshEdit } from '../store/freshEdit'
import type { ParsedInputOf } from '../../../shared/contract'
import { RapportError } from '../../../shared/errors'
import { settingsSchema, type Settings } from '../../../shared/model'
import type { DataStore } from '../store/dataStore'

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>
}

export function createSettingsService(store: DataStore) {
  return {
    get(): Settings {
      return store.read().settings
    },
    update({
      language,
      phoneRegion,
      me,
      reminders,
      base,
    }: ParsedInputOf<'settings.update'>): Promise<Settings> {
      if (phoneRegion && !isSupportedCountry(phoneRegion)) {
        throw new RapportError('VALIDATION', `${phoneRegion} is not a region phone numbers know`, {
          issues: [{ path: 'phoneRegion', message: 'a region code such as CN or GB' }],
        })
      }
      return store.update((tx) => {
        const current = tx.data.settings
        if (
          reminders?.autoExportPath !== undefined &&
          reminders.autoExportPath !== current.reminders.autoExportPath
        ) {
          // A file Rapport replaces again and again is chosen only where it is checked.
          throw new RapportError(
            'VALIDATION',
            'The calendar file is chosen with calendar.setAutoExport or the save dialog, not here',
            {
              issues: [{ path: 'reminders.autoExportPath', message: 'use calendar.setAutoExport' }],
            },
          )
        }
        assertFreshEdit({
          kind: 'settings',
          current,
          patch: { language, phoneRegion, me, reminders },
          base,
          mergedPaths: ['me', 'me.positioning', 'reminders'],
        })
        const positioning = me?.positioning
          ? { ...current.me.positioning, ...definedOnly(me.positioning) }
          : current.me.positioning
        const next = settingsSchema.parse({
          language: language ?? current.language,
          phoneRegion: phoneRegion ?? current.phoneRegion,
          me: { ...current.me, ...definedOnly(me ?? {}), positioning },
          reminders: { ...current.reminders, ...definedOnly(reminders ?? {}) },
        })
        tx.setSettings(next)
        return next
      })
    },
  }
}
