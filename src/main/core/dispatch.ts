import {
  contract,
  isOperationName,
  type Handlers,
  type OperationName,
  type ResultOf,
} from '../../shared/contract'
import { RapportError, validationIssues, type Envelope } from '../../shared/errors'

export type Dispatch = (name: string, input: unknown) => Promise<Envelope<unknown>>

/**
 * The single entry point both transports call: validates the input against the contract, runs
 * the handler, and turns every outcome into an envelope. Nothing past this point sees unchecked
 * input, and no exception escapes to a transport.
 */
export function createDispatch(
  handlers: Handlers,
  log: (error: unknown) => void = console.error,
): Dispatch {
  return async (name, input) => {
    if (!isOperationName(name)) {
      return fail(new RapportError('NOT_FOUND', `Unknown operation "${name}"`, { operation: name }))
    }
    // With its input, an issue can say the field was left blank (worded as "required").
    const parsed = contract[name].input.safeParse(input, { reportInput: true })
    if (!parsed.success) {
      return fail(
        new RapportError('VALIDATION', `Invalid input for ${name}`, {
          operation: name,
          issues: validationIssues(parsed.error),
        }),
      )
    }
    try {
      const handler = handlers[name] as (input: unknown) => Promise<ResultOf<OperationName>>
      return { ok: true, value: await handler(parsed.data) }
    } catch (error) {
      if (error instanceof RapportError) return fail(error)
      log(error)
      return fail(new RapportError('INTERNAL', (error as Error)?.message ?? String(error)))
    }
  }
}

function fail(error: RapportError): Envelope<never> {
  return { ok: false, error: error.toValue() }
}
