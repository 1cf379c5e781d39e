import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '../../../shared/model'
import { languageFromLocale } from '../../../shared/language'
import { en } from './en'
import { zhCN } from './zh-CN'

export const resources = { en: { translation: en }, 'zh-CN': { translation: zhCN } } as const

/** The interface language for a saved preference; "system" follows the OS / browser locale. */
export function resolveLanguage(preference: 'system' | Language): Language {
  return preference === 'system' ? languageFromLocale(navigator.language) : preference
}

export async function initI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: resolveLanguage('system'),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return i18next
}

export function applyLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language)
  document.documentElement.lang = language
}
