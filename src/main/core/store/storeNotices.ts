import type { StoreNotice } from '../../../shared/store/storeNotice'

/** A notice without the fields the store fills in, kept per kind. */
export type NoticeInput = StoreNotice extends infer N
  ? N extends StoreNotice
    ? Omit<N, 'id' | 'at'>
    : never
  : never

/** What the user must be told about the store, oldest first, each shown until dismissed. */
export class StoreNotices {
  private readonly list: StoreNotice[] = []

  constructor(private readonly now: () => Date) {}

  add(n: NoticeInput): void {
    this.list.push({
      ...n,
      id: `${n.kind}-${this.now().getTime()}-${this.list.length}`,
      at: this.now().toISOString(),
    } as StoreNotice)
  }

  has(kind: StoreNotice['kind']): boolean {
    return this.list.some((n) => n.kind === kind)
  }

  /** Removes every notice of this kind (the problem it reported is over). */
  drop(kind: StoreNotice['kind']): void {
    for (let i = this.list.length - 1; i >= 0; i -= 1)
      if (this.list[i]!.kind === kind) this.list.splice(i, 1)
  }

  dismiss(id: string): void {
    const at = this.list.findIndex((n) => n.id === id)
    if (at >= 0) this.list.splice(at, 1)
  }

  get count(): number {
    return this.list.length
  }

  all(): StoreNotice[] {
    return [...this.list]
  }
}
