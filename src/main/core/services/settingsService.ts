import { assertFreshEdit } from '../edits/freshEdit'
import type { ParsedInputOf } from '../../../shared/contract'
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
    update({ language, me, reminders, base }: ParsedInputOf<'settings.update'>): Promise<Settings> {
      return store.update((tx) => {
        const current = tx.data.settings
        assertFreshEdit({
          kind: 'settings',
          current,
          patch: { language, me, reminders },
          base,
          mergedPaths: ['me', 'me.positioning', 'reminders'],
        })
        const positioning = me?.positioning
          ? { ...current.me.positioning, ...definedOnly(me.positioning) }
          : current.me.positioning
        const next = settingsSchema.parse({
          language: language ?? current.language,
          me: { ...current.me, ...definedOnly(me ?? {}), positioning },
          reminders: { ...current.reminders, ...definedOnly(reminders ?? {}) },
        })
        tx.setSettings(next)
        return next
      })
    },
  }
}
