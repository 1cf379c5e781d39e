import type { QueryKey } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { watchQueryKey } from '../api/queryKeys'

/** What one window of a list answers: the rows at `offset` and how many match in all. */
export interface ListWindow<Row, Meta> {
  total: number
  items: Row[]
  /** Anything else the answer carries (facets, counts), taken from the newest window. */
  meta: Meta
}

export interface WindowedList<Row, Meta> {
  /** Undefined until the first window has arrived. */
  total: number | undefined
  meta: Meta | undefined
  error: unknown
  /** The row at `index`, or undefined while its window is still on its way. */
  rowAt: (index: number) => Row | undefined
  /** Asks for the windows that cover rows `first` to `last` (inclusive) and have not come yet. */
  showRange: (first: number, last: number) => void
  /** Loads the windows shown last again (after a change, or "Try again" after an error). */
  reload: () => Promise<void>
}

interface Loaded<Row, Meta> {
  key: string
  total: number | undefined
  meta: Meta | undefined
  windows: Map<number, Row[]>
}

/**
 * A long list fetched window by window with an offset, so scrolling to row 20,000 asks for the
 * rows around it and never for everything before it again. A new `queryKey` (other search or
 * filters) starts over; answers for an older key or an older reload are dropped. The windows
 * live here rather than in the query cache: a refresh reads only the windows on screen and
 * forgets the others. A change that the query key depends on (see `queryDependencies`) is such
 * a refresh.
 */
export function useWindowedList<Row, Meta>(
  fetchWindow: (offset: number, limit: number) => Promise<ListWindow<Row, Meta>>,
  queryKey: QueryKey,
  windowSize = 200,
): WindowedList<Row, Meta> {
  const key = JSON.stringify(queryKey)
  const [loaded, setLoaded] = useState<Loaded<Row, Meta>>(() => ({
    key,
    total: undefined,
    meta: undefined,
    windows: new Map(),
  }))
  const [error, setError] = useState<unknown>(null)
  const fetchRef = useRef(fetchWindow)
  useEffect(() => {
    fetchRef.current = fetchWindow
  })
  // Bumped by a new key and by reload: answers from before are stale.
  const generation = useRef(0)
  const requested = useRef(new Set<number>())
  const lastRange = useRef<[number, number]>([0, 0])

  const fetchWindowAt = useCallback(
    async (windowIndex: number, forKey: string) => {
      const ticket = generation.current
      requested.current.add(windowIndex)
      try {
        const answer = await fetchRef.current(windowIndex * windowSize, windowSize)
        if (ticket !== generation.current) return
        setLoaded((previous) => {
          // A reload keeps the rows on screen until their fresh window replaces them.
          const windows = new Map(previous.key === forKey ? previous.windows : [])
          windows.set(windowIndex, answer.items)
          return { key: forKey, total: answer.total, meta: answer.meta, windows }
        })
        setError(null)
      } catch (caught) {
        if (ticket !== generation.current) return
        requested.current.delete(windowIndex)
        setError(caught)
      }
    },
    [windowSize],
  )

  const keyRef = useRef(key)
  useEffect(() => {
    keyRef.current = key
    generation.current += 1
    requested.current = new Set()
    lastRange.current = [0, 0]
    void fetchWindowAt(0, key)
  }, [key, fetchWindowAt])

  const showRange = useCallback(
    (first: number, last: number) => {
      lastRange.current = [first, last]
      const from = Math.floor(Math.max(0, first) / windowSize)
      const to = Math.floor(Math.max(0, last) / windowSize)
      for (let w = from; w <= to; w += 1) {
        if (!requested.current.has(w)) void fetchWindowAt(w, keyRef.current)
      }
    },
    [fetchWindowAt, windowSize],
  )

  const reload = useCallback(async () => {
    generation.current += 1
    requested.current = new Set()
    const [first, last] = lastRange.current
    const from = Math.floor(first / windowSize)
    const to = Math.floor(last / windowSize)
    const windows = new Set([0])
    for (let w = from; w <= to; w += 1) windows.add(w)
    // Windows outside the shown range are forgotten, so they come fresh when scrolled to.
    setLoaded((previous) => ({
      ...previous,
      windows: new Map([...previous.windows].filter(([w]) => windows.has(w))),
    }))
    await Promise.all([...windows].map((w) => fetchWindowAt(w, keyRef.current)))
  }, [fetchWindowAt, windowSize])

  // A change to what the list reads (another tab, the phone sync, this page), or the server
  // back after an outage, refreshes the windows on screen; a burst arrives as one.
  const queryKeyRef = useRef(queryKey)
  useEffect(() => {
    queryKeyRef.current = queryKey
  })
  useEffect(() => watchQueryKey(queryKeyRef.current, () => void reload()), [key, reload])

  // The previous key's rows stay until the new key's first window replaces them, so the list
  // does not flash empty while the user types.
  // Stable until a window arrives, so a memoised list is not drawn again for nothing.
  const { windows } = loaded
  const rowAt = useCallback(
    (index: number): Row | undefined =>
      windows.get(Math.floor(index / windowSize))?.[index % windowSize],
    [windows, windowSize],
  )
  return {
    total: loaded.total,
    meta: loaded.meta,
    error,
    rowAt,
    showRange,
    reload,
  }
}
