import { createContext, useContext } from 'react'
import type { AppInfo } from '../../shared/contract'
import type { Settings } from '../../shared/model'

export interface AppState {
  info: AppInfo
  settings: Settings
  setSettings: (settings: Settings) => void
  refreshInfo: () => Promise<void>
}

export const AppContext = createContext<AppState | null>(null)

export function useAppState(): AppState {
  const state = useContext(AppContext)
  if (!state) throw new Error('useAppState needs an <AppContext.Provider>')
  return state
}
