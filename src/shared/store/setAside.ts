import { z } from 'zod'

/** Where one set-aside record is: its needs-attention file (a name in the data folder) and place. */
export const setAsideKeySchema = z
  .object({
    file: z
      .string()
      .regex(/^rapport\.needs-attention-[\w-]+\.json$/)
      .max(200),
    index: z.number().int().min(0).max(1_000_000),
  })
  .strict()
export type SetAsideKey = z.infer<typeof setAsideKeySchema>

/** A kind of problem the interface words in both languages. */
export const setAsideProblemKindSchema = z.enum([
  'missing',
  'wrongType',
  'tooLong',
  'unknownValue',
  'invalid',
])

export const setAsideProblemSchema = z.object({
  /** Dotted path of the field, e.g. `tags` or `phones.0.value`. */
  path: z.string(),
  kind: setAsideProblemKindSchema,
})
export type SetAsideProblem = z.infer<typeof setAsideProblemSchema>

/** A record of a hand-edited file that could not be loaded, as the repair panel lists it. */
export const setAsideRecordSchema = setAsideKeySchema.extend({
  collection: z.string(),
  id: z.string().optional(),
  name: z.string().optional(),
  problems: z.array(setAsideProblemSchema),
  /** Whether "Repair and load" can make it valid (else only "Leave aside"). */
  repairable: z.boolean(),
})
export type SetAsideRecord = z.infer<typeof setAsideRecordSchema>

/** One thing a repair changed, for the toast. */
export const repairChangeSchema = z.object({
  path: z.string(),
  kind: z.enum(['filled', 'cut', 'dropped', 'newId']),
  /** `cut`: the text's length before and the limit; `keptInNotes` when the full text was kept there. */
  length: z.number().optional(),
  limit: z.number().optional(),
  keptInNotes: z.boolean().optional(),
  /** `dropped`: the value removed; `newId`: the id it shared. */
  from: z.string().optional(),
  /** `filled`, `dropped`, `newId`: what it is now. */
  to: z.string().optional(),
})
export type RepairChange = z.infer<typeof repairChangeSchema>

export interface RepairResult {
  collection: string
  id: string
  name?: string
  changes: RepairChange[]
}
