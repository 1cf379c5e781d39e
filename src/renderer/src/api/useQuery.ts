import { useCallback, useEffect, useRef, useState } from 'react'
import { onChanges } from './changes'

/** Changes that arrive this close together are read once. */
const CHANGE_SETTLE_MS = 120
import { RECONNECTED_EVENT } from '../connection/connectionStatus'

export interface QueryState<T> {
  data: T | undefined
  error: unknown
  /** Loads again; resolves once the new data (or error) is in place. */
  reload: () => Promise<void>
}

/**
 * Loads data from the API when `key` changes, on demand, and when the core says data changed. Keeps the previous data while a new
 * load runs so lists do not flash empty while the user types a search; a slower, older answer
 * never overwrites a newer one.
 */
export function useQuery<T>(
  load: () => Promise<T>,
  key: string,
  /** Changes to only these collections do not concern this answer (e.g. its own saves). */
  ignore: readonly string[] = [],
): QueryState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown }>({
    data: undefined,
    error: null,
  })
  const loadRef = useRef(load)
  const ignoreRef = useRef(ignore)
  const latest = useRef(0)
  useEffect(() => {
    loadRef.current = load
    ignoreRef.current = ignore
  })

  const run = useCallback(async () => {
    const ticket = ++latest.current
    try {
      const data = await loadRef.current()
      if (ticket === latest.current) setState({ data, error: null })
    } catch (error) {
      if (ticket === latest.current) setState((previous) => ({ data: previous.data, error }))
    }
  }, [])

  // Browser mode: the server is back after an outage; show its data again without a reload.
  useEffect(() => {
    const again = () => void run()
    window.addEventListener(RECONNECTED_EVENT, again)
    return () => window.removeEventListener(RECONNECTED_EVENT, again)
  }, [run])

  useEffect(() => {
    loadRef.current = load
    void run()
    // `load` changes every render; `key` says when its answer changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, run])

  // Data changed somewhere (another window or tab, the phone sync, this page): read again,
  // once per burst of changes.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = onChanges((collections) => {
      if (collections.length > 0 && collections.every((c) => ignoreRef.current.includes(c))) return
      clearTimeout(timer)
      timer = setTimeout(() => void run(), CHANGE_SETTLE_MS)
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }, [run])

  return { data: state.data, error: state.error, reload: run }
}
