import { QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useState, type ReactNode } from 'react'
import { RECONNECTED_EVENT } from '../connection/connectionStatus'
import { onChanges } from './changes'
import { createQueryClient } from './queryClient'
import { followChanges, invalidateForChanges } from './queryKeys'

/**
 * Provides the query cache and keeps it in step with the core: each change event refreshes the
 * queries that read what it touched, whoever made it (this page, another window or tab, the
 * phone sync).
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient)
  useEffect(() => followChanges(client, onChanges), [client])
  // Browser mode: the server is back after an outage; anything may have changed meanwhile.
  useEffect(() => {
    const again = () => void invalidateForChanges(client, [])
    window.addEventListener(RECONNECTED_EVENT, again)
    return () => window.removeEventListener(RECONNECTED_EVENT, again)
  }, [client])
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>
}
