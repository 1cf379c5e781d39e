import type { Language } from './model'

/** Maps any locale tag ("zh", "zh-Hans-CN", "zh_TW.UTF-8", "en-GB") to an interface language. */
export function languageFromLocale(locale: string | undefined | null): Language {
  return locale && /^zh\b|^zh[-_]/i.test(locale.trim()) ? 'zh-CN' : 'en'
}
