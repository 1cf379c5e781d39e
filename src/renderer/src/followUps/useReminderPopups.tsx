import { Button, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { ReminderNotification } from '../../../shared/contract'
import { useApi } from '../api/ApiContext'

const POLL_MS = 20_000

/**
 * Browser mode's reminder adapter: asks the core what came due and shows it with the web
 * Notification API (or inside the page when the browser does not allow it). In the desktop app
 * the core shows them itself and this finds nothing to show.
 */
export function useReminderPopups(): void {
  const api = useApi()
  const navigate = useNavigate()
  const { t } = useTranslation()
  useEffect(() => {
    const show = (n: ReminderNotification) => {
      const title = n.kind === 'single' ? n.title : 'Rapport'
      const body = n.kind === 'single' ? n.body : t('reminders.summary', { count: n.count })
      if ('Notification' in window && Notification.permission === 'granted') {
        const shown = new Notification(title, { body })
        shown.onclick = () => {
          window.focus()
          navigate('/today')
        }
      } else {
        // Only its own button leads to Today: a click on the toast (or its ×) must not leave a
        // page where the user may have work open, such as an import preview.
        const id = notifications.show({
          title,
          message: (
            <Stack gap={6} align="flex-start">
              <Text size="sm" c="dimmed">
                {body}
              </Text>
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => {
                  notifications.hide(id)
                  navigate('/today')
                }}
              >
                {t('reminders.openToday')}
              </Button>
            </Stack>
          ),
          autoClose: 10_000,
        })
      }
    }
    const poll = () =>
      void api['reminders.take']().then(
        (list) => list.forEach(show),
        () => undefined,
      )
    poll()
    const timer = setInterval(poll, POLL_MS)
    return () => clearInterval(timer)
  }, [api, navigate, t])
}
