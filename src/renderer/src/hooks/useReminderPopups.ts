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
        notifications.show({
          title,
          message: body,
          autoClose: 10_000,
          onClick: () => navigate('/today'),
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
