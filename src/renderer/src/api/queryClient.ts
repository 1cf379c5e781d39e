import { keepPreviousData, QueryClient } from '@tanstack/query-core'

/** Cached answers younger than this are shown without asking again; changes are pushed anyway. */
const FRESH_MS = 30_000

/**
 * The one cache of the app's data. The core is local and says when data changes, so there is
 * nothing to gain from reading again on focus or retrying: a failed read is shown by the page,
 * with "Try again".
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A new search or id keeps the previous answer on screen until its own arrives, so
        // lists do not flash empty while the user types.
        placeholderData: keepPreviousData,
        staleTime: FRESH_MS,
        refetchOnWindowFocus: false,
        // Browser mode's server coming back is RECONNECTED_EVENT, not the browser going online.
        refetchOnReconnect: false,
        retry: false,
      },
    },
  })
}
