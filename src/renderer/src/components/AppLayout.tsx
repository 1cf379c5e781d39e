import { AppShell, Group, NavLink, Stack, Text, Title } from '@mantine/core'
import { Suspense, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router-dom'
import { useAppState } from '../AppContext'
import { useCaptureShortcut } from '../hooks/useCaptureShortcut'
import { useReminderPopups } from '../hooks/useReminderPopups'
import { PageLoading } from '../pages/lazyPages'
import { StoreNotices } from './StoreNotices'

/** How often to look for new notices about the data file (e.g. changed by a sync tool). */
const NOTICE_POLL_MS = 15_000

const pages = ['today', 'events', 'contacts', 'cards', 'map', 'communities', 'settings'] as const

export function AppLayout() {
  const { t } = useTranslation()
  const location = useLocation()
  const { info, refreshInfo } = useAppState()
  useReminderPopups()
  useCaptureShortcut()
  useEffect(() => {
    const refresh = () => void refreshInfo().catch(() => undefined)
    const timer = setInterval(refresh, NOTICE_POLL_MS)
    window.addEventListener('focus', refresh)
    return () => {
      clearInterval(timer)
      window.removeEventListener('focus', refresh)
    }
  }, [refreshInfo])
  return (
    <AppShell navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Navbar p="sm" aria-label={t('app.name')}>
        <Stack gap={2} mb="md" px="xs" pt="xs">
          <Group gap={6}>
            <Title order={3}>{t('app.name')}</Title>
          </Group>
          <Text size="xs" c="dimmed">
            {t('app.tagline')}
          </Text>
        </Stack>
        <nav>
          {pages.map((page) => (
            <NavLink
              key={page}
              component={RouterLink}
              to={`/${page}`}
              label={t(`nav.${page}`)}
              active={location.pathname === `/${page}` || location.pathname.startsWith(`/${page}/`)}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          ))}
        </nav>
      </AppShell.Navbar>
      <AppShell.Main>
        <StoreNotices notices={info.notices} onChange={() => void refreshInfo()} />
        {/* Pages load as their own chunks; the navigation stays while one does. */}
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  )
}
