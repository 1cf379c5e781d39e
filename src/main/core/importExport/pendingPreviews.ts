/** Previews wait this long for their commit; a user who walks away does not hold memory forever. */
const PREVIEW_TTL_MS = 30 * 60 * 1000
/** At most this many previews wait at once; a new one pushes out the oldest. */
const MAX_PREVIEWS = 4

/**
 * What a preview read, kept until its commit (import of contacts or of calendar meetings): the
 * commit writes exactly what the user saw, without reading the file again.
 */
export class PendingPreviews<T> {
  private readonly entries = new Map<string, { value: T; createdAt: number }>()

  /** Keeps `value` under `id`, first dropping expired previews and making room. */
  add(id: string, value: T): void {
    const now = Date.now()
    for (const [key, entry] of this.entries) {
      if (now - entry.createdAt > PREVIEW_TTL_MS) this.entries.delete(key)
    }
    while (this.entries.size >= MAX_PREVIEWS) {
      this.entries.delete(this.entries.keys().next().value!)
    }
    this.entries.set(id, { value, createdAt: now })
  }

  get(id: string): T | undefined {
    return this.entries.get(id)?.value
  }

  delete(id: string): void {
    this.entries.delete(id)
  }
}
