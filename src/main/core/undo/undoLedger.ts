import { randomUUID } from 'node:crypto'
import { RapportError } from '../../../shared/errors'
import type { UndoTicket } from '../../../shared/undo/undoTicket'
import type { Clock } from '../clock'

/** How long an undo stays available, and how many the core keeps at most (oldest go first). */
const KEEP_MS = 30 * 60_000
const MAX_ENTRIES = 200

interface Entry {
  kind: string
  bundle: unknown
  keptAt: number
}

/**
 * What deletions took away, kept in the core for a while (as Actual's `undoable` does): the
 * page gets a token, and undo hands the token back. Memory only: after a restart there is
 * nothing to undo, and the toast that offered it is gone too.
 */
export class UndoLedger {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly clock: Clock) {}

  keep(kind: string, bundle: unknown): string {
    this.forgetOld()
    const token = randomUUID()
    this.entries.set(token, { kind, bundle, keptAt: this.clock.now().getTime() })
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!)
    return token
  }

  /** The kept bundle, once: a second undo with the same token is refused. */
  take<T>(kind: string, token: string): T {
    this.forgetOld()
    const entry = this.entries.get(token)
    if (!entry || entry.kind !== kind) {
      throw new RapportError('NOT_FOUND', 'This undo is no longer available', {
        reason: 'undoExpired',
      })
    }
    this.entries.delete(token)
    return entry.bundle as T
  }

  /** Puts a bundle back under its token when applying it failed, so the user can try again. */
  putBack(kind: string, token: string, bundle: unknown): void {
    this.entries.set(token, { kind, bundle, keptAt: this.clock.now().getTime() })
  }

  private forgetOld(): void {
    const oldest = this.clock.now().getTime() - KEEP_MS
    for (const [token, entry] of this.entries) if (entry.keptAt < oldest) this.entries.delete(token)
  }
}

/**
 * A deletion and its undo as two handlers: the deletion keeps what it took under a token and
 * answers the token (with what the toast needs to say); the undo takes it back by that token.
 */
export function undoable<Input, Bundle, Restored, Summary extends object>(
  ledger: UndoLedger,
  kind: string,
  remove: (input: Input) => Promise<Bundle>,
  restore: (bundle: Bundle) => Promise<Restored>,
  summary: (bundle: Bundle) => Summary,
) {
  return {
    remove: async (input: Input): Promise<UndoTicket & Summary> => {
      const bundle = await remove(input)
      return { undoToken: ledger.keep(kind, bundle), ...summary(bundle) }
    },
    restore: async ({ undoToken }: UndoTicket): Promise<Restored> => {
      const bundle = ledger.take<Bundle>(kind, undoToken)
      try {
        return await restore(bundle)
      } catch (error) {
        ledger.putBack(kind, undoToken, bundle)
        throw error
      }
    },
  }
}
