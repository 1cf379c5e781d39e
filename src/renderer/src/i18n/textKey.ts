import type { ParseKeys } from 'i18next'

/** Any key of the texts: for keys built at run time from a value (`card.fields.${field}`). */
export type TextKey = ParseKeys<'translation'>
