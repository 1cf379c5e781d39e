import { randomUUID } from 'node:crypto'

/** Time and identity come from here so tests can fix them. */
export interface Clock {
  now(): Date
}
export const systemClock: Clock = { now: () => new Date() }

export const newId = (): string => randomUUID()

/** A timestamp strictly after `previous`, so every edit gets a distinct `updatedAt`. */
export function nextTimestamp(clock: Clock, previous?: string): string {
  const now = clock.now().getTime()
  const after = previous ? Date.parse(previous) + 1 : 0
  return new Date(Math.max(now, after)).toISOString()
}
