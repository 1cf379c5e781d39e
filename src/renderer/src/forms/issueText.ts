import type { TFunction } from 'i18next'
import type { ValidationIssue } from '../../../shared/errors'
import type { TextKey } from '../i18n/textKey'

export interface IssueWording {
  /** The field's label, for "Name is required" / "请填写姓名". */
  label?: string
  /** What to say when the value breaks a rule of its own (a pattern, a refinement). */
  invalid?: TextKey
}

const FORMATS: Record<string, TextKey> = {
  email: 'forms.email',
  url: 'forms.url',
  date: 'forms.date',
  datetime: 'forms.dateTime',
}

const REASONS: Record<string, TextKey> = {
  endBeforeStart: 'forms.reasons.endBeforeStart',
  unknownTimeZone: 'forms.reasons.unknownTimeZone',
}

/**
 * The user's words for one validation issue, from its code and facts (never zod's English
 * message), whether it came from the form's own check or from the core on save.
 */
export function issueText(
  t: TFunction,
  issue: ValidationIssue,
  wording: IssueWording = {},
): string {
  const required = () =>
    wording.label ? t('forms.requiredNamed', { field: wording.label }) : t('forms.required')
  const limit = issue.limit
  const reason =
    issue.reason && Object.hasOwn(REASONS, issue.reason) ? REASONS[issue.reason] : undefined
  if (reason) return t(reason)
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return issue.blank !== false && limit === 1 ? required() : t('forms.tooShort', { limit })
      if (issue.origin === 'array' || issue.origin === 'set') return t('forms.tooFew', { limit })
      return t('forms.tooSmall', { limit })
    case 'too_big':
      if (issue.origin === 'string') return t('forms.tooLong', { limit })
      if (issue.origin === 'array' || issue.origin === 'set') return t('forms.tooMany', { limit })
      return t('forms.tooBig', { limit })
    case 'invalid_type':
      if (issue.blank) return required()
      return t(issue.expected === 'int' ? 'forms.notWhole' : (wording.invalid ?? 'forms.invalid'))
    case 'invalid_format': {
      if (issue.blank) return required()
      const format = issue.format ? FORMATS[issue.format] : undefined
      return t(format ?? wording.invalid ?? 'forms.invalid')
    }
    case 'invalid_value':
      return issue.blank ? required() : t('forms.option')
    case 'not_multiple_of':
      return t('forms.notWhole')
    default:
      return issue.blank ? required() : t(wording.invalid ?? 'forms.invalid')
  }
}
