import { z } from 'zod'

/**
 * Errors cross every boundary as plain values, so both transports carry them unchanged and the
 * UI can word them for the user in either language by `code`.
 */
export const errorCodeSchema = z.enum([
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'STORE_UNAVAILABLE',
  'FORBIDDEN',
  /** The operation exists only in the desktop app (e.g. printToPDF). */
  'UNSUPPORTED',
  /** The sync server could not be used; `details.reason` says why (see syncFailureReasons). */
  'REMOTE',
  'INTERNAL',
])
export type ErrorCode = z.infer<typeof errorCodeSchema>

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  /** Technical English, for logs and bug reports; the UI words the error itself. */
  message: z.string(),
  details: z.unknown().optional(),
})
export type AppErrorValue = z.infer<typeof appErrorSchema>

/**
 * One field that failed validation, with its path such as "emails.0.value". `message` is zod's
 * technical English; the interface words the issue itself from `code` and the facts beside it.
 */
export interface ValidationIssue {
  path: string
  message: string
  /** zod's issue code: too_small, too_big, invalid_format, invalid_type, invalid_value, custom… */
  code?: string
  /** What was measured for too_small / too_big: string, array, number… */
  origin?: string
  /** The bound that was broken (characters, items or the number itself). */
  limit?: number
  /** The expected format of an invalid_format issue: email, url, datetime, date, regex… */
  format?: string
  /** The type an invalid_type issue expected: string, number, int… */
  expected?: string
  /** A rule of the core's own (not the schema's) that the value broke, such as "endBeforeStart". */
  reason?: string
  /** The value was missing or only spaces (known when the parse reported its input). */
  blank?: boolean
}

export class RapportError extends Error {
  readonly code: ErrorCode
  readonly details: unknown

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'RapportError'
    this.code = code
    this.details = details
  }

  toValue(): AppErrorValue {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }

  static fromValue(value: AppErrorValue): RapportError {
    return new RapportError(value.code, value.message, value.details)
  }
}

/** What every operation answers over either transport. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue }

export function validationIssueOf(issue: z.core.$ZodIssue): ValidationIssue {
  const result: ValidationIssue = {
    path: issue.path.map(String).join('.'),
    message: issue.message,
    code: issue.code,
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    result.origin = issue.origin
    const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum
    if (typeof limit === 'number') result.limit = limit
  }
  if (issue.code === 'invalid_format') result.format = issue.format
  if (issue.code === 'invalid_type') result.expected = issue.expected
  if ('input' in issue) {
    const input = issue.input
    result.blank =
      input === undefined || input === null || (typeof input === 'string' && !input.trim())
  }
  return result
}

export function validationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map(validationIssueOf)
}
