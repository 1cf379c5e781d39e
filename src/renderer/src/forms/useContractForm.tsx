import { useForm, type FormErrors } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { RapportError, validationIssueOf, type ValidationIssue } from '../../../shared/errors'
import { issueText, type IssueWording } from './issueText'

export interface ContractFormOptions<Values extends Record<string, unknown>> {
  initialValues: Values
  /** The operation's input schema from the contract (or a stricter form of it). */
  schema: z.ZodType
  /** The operation's input these values stand for, checked against `schema`. */
  toInput: (values: Values) => unknown
  /** The form field an issue's path (such as "emails.0.value") belongs to; by default its first part. */
  fieldOf?: (path: string) => string | undefined
  /** Labels ("Name is required") and the words for a field's own rules. */
  wording?: Partial<Record<string, IssueWording>>
}

// An update's issues are under "patch."; the form's fields are the record's.
const firstPart = (path: string) => path.replace(/^patch\./, '').split('.')[0] || undefined

/** An issue in the user's language; worded at render so it follows a change of language. */
function IssueMessage(props: { issue: ValidationIssue; wording?: IssueWording }) {
  const { t } = useTranslation()
  return <>{issueText(t, props.issue, props.wording)}</>
}

/**
 * A Mantine form checked by the contract's zod schema: each field shows its own issue in the
 * user's language, on submit and, after the first submit, on blur; the first field with an
 * issue gets the focus. The core's VALIDATION issues on save land on the same fields.
 */
export function useContractForm<Values extends Record<string, unknown>>(
  options: ContractFormOptions<Values>,
) {
  const [submitted, setSubmitted] = useState(false)
  const fieldOf = options.fieldOf ?? firstPart

  const errorsOf = (issues: ValidationIssue[]): FormErrors => {
    const errors: FormErrors = {}
    for (const issue of issues) {
      const field = fieldOf(issue.path)
      if (!field || field in errors) continue
      errors[field] = <IssueMessage issue={issue} wording={options.wording?.[field]} />
    }
    return errors
  }

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validateInputOnBlur: submitted,
    validate: (values) => {
      const parsed = options.schema.safeParse(options.toInput(values), { reportInput: true })
      return parsed.success ? {} : errorsOf(parsed.error.issues.map(validationIssueOf))
    },
  })

  const focusFirstError = (errors: FormErrors) => {
    const nodes = Object.keys(errors)
      .map((path) => form.getInputNode(path))
      .filter((node): node is HTMLElement => node instanceof HTMLElement)
    // The first in the page, not the first in the schema.
    nodes.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
    nodes[0]?.focus()
  }

  /** Checks the values, then runs `handler` with them; a failed check focuses the first issue. */
  const submit =
    (handler: (values: Values) => void | Promise<void>) =>
    (event?: React.FormEvent<HTMLFormElement>) => {
      setSubmitted(true)
      form.onSubmit(handler, focusFirstError)(event)
    }

  /**
   * Puts the core's VALIDATION issues on the fields they name; true when at least one field
   * shows one (other errors, and issues of fields this form does not have, are for the caller).
   */
  const showCoreErrors = (caught: unknown): boolean => {
    if (!(caught instanceof RapportError) || caught.code !== 'VALIDATION') return false
    const issues = (caught.details as { issues?: ValidationIssue[] } | undefined)?.issues ?? []
    const errors = errorsOf(issues)
    const shown = Object.fromEntries(
      Object.entries(errors).filter(([path]) => form.getInputNode(path)),
    )
    if (Object.keys(shown).length === 0) return false
    setSubmitted(true)
    form.setErrors(shown)
    focusFirstError(shown)
    return true
  }

  return { form, submit, showCoreErrors }
}
