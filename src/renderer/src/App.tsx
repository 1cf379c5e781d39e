import { Center, Loader, MantineProvider } from '@mantine/core'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  createHashRouter,
  createRoutesFromElements,
  Navigate,
  Route,
  RouterProvider,
} from 'react-router-dom'
import type { AppInfo, RapportApi } from '../../shared/contract'
import type { Settings } from '../../shared/model'
import { ApiContext } from './api/ApiContext'
import { QueryProvider } from './api/QueryProvider'
import { AppContext } from './AppContext'
import { AppLayout } from './ui/AppLayout'
import { ConnectionBanner } from './connection/ConnectionBanner'
import { RouteError } from './connection/RouteError'
import { RECONNECTED_EVENT } from './connection/connectionStatus'
import { StoreUnavailable } from './store/StoreUnavailable'
import { applyLanguage, resolveLanguage } from './i18n'
import { buildTheme, cssVariablesResolver } from './theme/theme'
import { ToastHost } from './toasts/ToastHost'
import {
  CapturePage,
  CommunitiesSection,
  ContactCardPage,
  ContactsPage,
  DuplicatesPage,
  EventsSection,
  MapSection,
  ReviewPage,
  ScanCardsPage,
  SettingsPage,
  MyCardPage,
  TodayPage,
} from './lazyPages'

/** A data router, so that an editor with unsaved changes can hold a navigation and ask. */
function AppRoutes() {
  const [router] = useState(() =>
    createHashRouter(
      createRoutesFromElements(
        <Route element={<AppLayout />} errorElement={<RouteError />}>
          <Route index element={<Navigate to="/today" replace />} />
          <Route path="today" element={<TodayPage />} />
          <Route path="events/*" element={<EventsSection />} />
          <Route path="contacts" element={<ContactsPage />} />
          <Route path="contacts/review" element={<ReviewPage />} />
          <Route path="contacts/duplicates" element={<DuplicatesPage />} />
          <Route path="contacts/:id" element={<ContactCardPage />} />
          <Route path="map/*" element={<MapSection />} />
          <Route path="communities/*" element={<CommunitiesSection />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="mycard" element={<MyCardPage />} />
          <Route path="capture" element={<CapturePage />} />
          <Route path="cards" element={<ScanCardsPage />} />
          <Route path="*" element={<Navigate to="/today" replace />} />
        </Route>,
      ),
    ),
  )
  return <RouterProvider router={router} />
}

export function App({ api }: { api: RapportApi }) {
  const { t } = useTranslation()
  const closeLabel = t('common.close')
  const theme = useMemo(() => buildTheme(closeLabel), [closeLabel])
  const [info, setInfo] = useState<AppInfo>()
  const [settings, setSettings] = useState<Settings>()
  const [bootError, setBootError] = useState<unknown>(null)

  const refreshInfo = useCallback(async () => setInfo(await api['app.info']()), [api])

  useEffect(() => {
    const boot = () =>
      Promise.all([api['app.info'](), api['settings.get']()]).then(([i, s]) => {
        setInfo(i)
        setSettings(s)
        setBootError(null)
      }, setBootError)
    void boot()
    // Opened while the server was away: start as soon as it is back.
    window.addEventListener(RECONNECTED_EVENT, boot)
    return () => window.removeEventListener(RECONNECTED_EVENT, boot)
  }, [api])

  useEffect(() => {
    if (settings) applyLanguage(resolveLanguage(settings.language))
  }, [settings])

  let content
  if (info?.storeError) content = <StoreUnavailable error={info.storeError} />
  else if (bootError && !isConnectionError(bootError))
    content = <StoreUnavailable error={bootError} />
  else if (!info || !settings)
    content = (
      <Center h="100vh">
        <Loader />
      </Center>
    )
  else
    content = (
      <AppContext.Provider value={{ info, settings, setSettings, refreshInfo }}>
        <AppRoutes />
      </AppContext.Provider>
    )

  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <ToastHost />
      <ApiContext.Provider value={api}>
        <QueryProvider>
          <ConnectionBanner />
          {content}
        </QueryProvider>
      </ApiContext.Provider>
    </MantineProvider>
  )
}

/** The server went away or was restarted: the connection banner says so, not "your data file". */
function isConnectionError(error: unknown): boolean {
  const reason = (error as { details?: { reason?: unknown } } | null)?.details?.reason
  return reason === 'serverDown' || reason === 'sessionEnded'
}
