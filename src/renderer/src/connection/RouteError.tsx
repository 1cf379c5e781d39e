import { Alert, Button, Container, Text } from '@mantine/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useRouteError } from 'react-router-dom'
import { RECONNECTED_EVENT, reportConnection } from './connectionStatus'

/** A page's code could not be loaded: in browser mode, the server that serves it went away. */
const isMissingCode = (error: unknown) =>
  error instanceof Error &&
  /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(
    error.message,
  )

/**
 * What a page that failed to render shows, in the interface language (instead of the router's
 * English "Unexpected Application Error!"). A page whose code could not be fetched was opened
 * while the server was away: it says so and opens the page again once the server answers.
 */
export function RouteError() {
  const { t } = useTranslation()
  const error = useRouteError()
  const missingCode = isMissingCode(error)
  useEffect(() => {
    if (!missingCode) return
    reportConnection('serverDown')
    // A failed import is remembered by the bundle: loading the page again needs a reload.
    const reload = () => window.location.reload()
    window.addEventListener(RECONNECTED_EVENT, reload)
    return () => window.removeEventListener(RECONNECTED_EVENT, reload)
  }, [missingCode])
  return (
    <Container size="sm" py="xl">
      <Alert color="red" role="alert" title={t('errors.title')}>
        <Text size="sm">{missingCode ? t('errors.reasons.serverDown') : t('errors.INTERNAL')}</Text>
        <Button mt="sm" variant="light" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </Button>
      </Alert>
    </Container>
  )
}
