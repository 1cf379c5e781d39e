import { z } from 'zod'

/** One operation of the contract: its input schema, and its result type as a type only. */
export interface Operation<I extends z.ZodType, R> {
  readonly input: I
  /** Type-only marker of the result; never set at run time. */
  readonly result?: R
}

export const op =
  <R>() =>
  <I extends z.ZodType>(input: I): Operation<I, R> => ({ input })

/** For operations that take nothing: no body, or an empty object. */
export const noInput = z.undefined().or(z.object({}).strict())
