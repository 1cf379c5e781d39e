import { Alert, Code, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../api/ApiContext'
import { connectionProblem, onConnectionChange, type ConnectionProblem } from './connectionStatus'

/** How often a page whose server went away asks whether it is back. */
const POLL_MS = 2000

/**
 * Browser mode only: says that Rapport's local server is not running (and how to start it), or
 * that it was restarted (open the new address), and reconnects by itself when it is back.
 */
export function ConnectionBanner() {
  const { t } = useTranslation()
  const api = useApi()
  const [problem, setProblem] = useState<ConnectionProblem | null>(connectionProblem)
  useEffect(
    () =>
      onConnectionChange((next) => {
        setProblem((previous) => {
          if (previous === 'serverDown' && next === null)
            notifications.show({ color: 'teal', message: t('connection.back') })
          return next
        })
      }),
    [t],
  )
  useEffect(() => {
    if (problem !== 'serverDown') return
    // Any answer (or a refusal of this session) ends the outage; the bridge reports which.
    const timer = window.setInterval(() => void api['app.info']().catch(() => undefined), POLL_MS)
    return () => window.clearInterval(timer)
  }, [api, problem])
  if (!problem) return null
  return (
    <Alert
      color={problem === 'serverDown' ? 'orange' : 'red'}
      role="alert"
      title={t(`connection.${problem}.title`)}
      data-testid="connection-banner"
      m="sm"
      // Above the app's fixed navigation: nothing on the page works until this is resolved.
      style={{
        position: 'fixed',
        top: 0,
        left: 0,
        right: 0,
        zIndex: 1000,
        boxShadow: 'var(--mantine-shadow-md)',
      }}
    >
      <Text size="sm">{t(`connection.${problem}.body`)}</Text>
      <Code mt={6} block>
        npm run serve
      </Code>
    </Alert>
  )
}
