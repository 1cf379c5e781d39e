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
    update({
      language,
      phoneRegion,
      me,
      reminders,
    }: ParsedInputOf<'settings.update'>): Promise<Settings> {
      return store.update((tx) => {
        const current = tx.data.settings
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
