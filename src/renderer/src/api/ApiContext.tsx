import { createContext, useContext } from 'react'
import type { RapportApi } from '../../../shared/contract'

export const ApiContext = createContext<RapportApi | null>(null)

export function useApi(): RapportApi {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi needs an <ApiContext.Provider>')
  return api
}
