import type { TFunction } from 'i18next'
import { RapportError, type ValidationIssue } from '../../../shared/errors'
import type { TextKey } from '../i18n/textKey'
import { issueText } from '../forms/issueText'

/** Reasons the core gives in `details.reason` that have their own sentence in both languages. */
const REASONS = new Set([
  'notVCard',
  'zipNotVCard',
  'tooManyColumns',
  'calendarImport.notIcs',
  'calendarImport.tooManyMeetings',
  'photo.tooManyPixels',
  'store.copyNotAbsolute',
  'store.copyIsDataFolder',
  'store.copyExists',
  'store.cannotRepair',
  'photo.tooLarge',
  'photo.notImage',
  'undoExpired',
  // Browser mode: the local server stopped, or was restarted (see connection/).
  'serverDown',
  'sessionEnded',
  ...['notAbsolute', 'notIcs', 'outsideFolders', 'symlink', 'notAFile', 'notOurs', 'noFolder'].map(
    (reason) => `autoExport.${reason}`,
  ),
])

/** The user's words for an error: a sentence by code, plus the fields that failed, if any. */
export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof RapportError)) return t('errors.INTERNAL')
  const details = error.details as Record<string, unknown> | undefined
  if (typeof details?.reason === 'string' && REASONS.has(details.reason)) {
    return t(`errors.reasons.${details.reason}` as TextKey, details)
  }
  const headline = t(`errors.${error.code}`)
  const issues = (error.details as { issues?: ValidationIssue[] } | undefined)?.issues
  if (error.code === 'VALIDATION' && issues?.length) {
    const fields = issues.map((issue) =>
      t('errors.field', { field: issue.path || '—', message: issueText(t, issue) }),
    )
    return [headline, ...fields].join('\n')
  }
  if (error.code === 'STORE_UNAVAILABLE') {
    const details = error.details as { file?: string } | undefined
    if (details?.file) return `${headline} ${t('errors.file', { file: details.file })}`
  }
  return headline
}
