import type { Handlers } from '../../../shared/contract'
import type { settingsOperations } from '../../../shared/settings/settingsOperations'
import type { JournaledStore } from '../store/journaledStore'
import { createSettingsService } from './settingsService'

/** Answers the settings' operations. */
export function createSettingsHandlers(
  store: JournaledStore,
): Pick<Handlers, keyof typeof settingsOperations> {
  const settings = createSettingsService(store)
  return {
    'settings.get': () => settings.get(),
    'settings.update': (input) => settings.update(input),
  }
}
