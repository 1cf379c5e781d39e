import type { en } from './en'

// Typed keys: t('card.planTitle') is checked against the English texts at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}
