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

/** One field that failed validation, with its path such as "emails.0.value". */
export interface ValidationIssue {
  path: string
  message: string
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

export function validationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }))
}
