import { AppShell, Burger, Group, NavLink, Stack, Text, Title } from '@mantine/core'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import { Suspense, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router-dom'
import { useAppState } from '../AppContext'
import { useCaptureShortcut } from '../capture/useCaptureShortcut'
import { useReminderPopups } from '../followUps/useReminderPopups'
import { PageLoading } from '../lazyPages'
import { StoreNotices } from '../store/StoreNotices'

/** How often to look for new notices about the data file (e.g. changed by a sync tool). */
const NOTICE_POLL_MS = 15_000

/** Mantine's `md` breakpoint (992 px): a 1024 px window keeps the sidebar, 800 px folds it. */
const NARROW_QUERY = '(max-width: 61.99em)'

const pages = [
  'today',
  'events',
  'contacts',
  'cards',
  'map',
  'communities',
  'mycard',
  'settings',
] as const

export function AppLayout() {
  const { t } = useTranslation()
  const location = useLocation()
  const { info, refreshInfo } = useAppState()
  // Below this width the sidebar folds away behind a burger, leaving the page the room.
  const narrow = useMediaQuery(NARROW_QUERY) ?? false
  const [navOpen, nav] = useDisclosure(false)
  const closeNav = nav.close
  useEffect(() => closeNav(), [location.pathname, closeNav])
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
    <AppShell
      header={{ height: 52, collapsed: !narrow }}
      navbar={{ width: 220, breakpoint: 'md', collapsed: { mobile: !navOpen } }}
      padding={narrow ? 'md' : 'lg'}
    >
      <AppShell.Header px="md" hiddenFrom="md">
        <Group h="100%" gap="sm">
          <Burger
            opened={navOpen}
            onClick={nav.toggle}
            size="sm"
            aria-label={navOpen ? t('nav.closeMenu') : t('nav.openMenu')}
            aria-expanded={navOpen}
            aria-controls="rapport-navbar"
          />
          <Text fw={700}>{t('app.name')}</Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="sm"
        aria-label={t('app.name')}
        id="rapport-navbar"
        // Folded away it is only moved off screen: keep Tab and screen readers out of it too.
        style={narrow && !navOpen ? { visibility: 'hidden' } : undefined}
      >
        <Stack gap={2} mb="md" px="xs" pt="xs" visibleFrom="md">
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
