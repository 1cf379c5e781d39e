import { Alert, Button, Code, Container, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../api/ApiContext'
import { RapportError, type AppErrorValue } from '../../../shared/errors'
import { errorText } from '../api/errorText'

/** Shown instead of the app when the data file cannot be used: says which file and why. */
export function StoreUnavailable({ error }: { error: AppErrorValue | unknown }) {
  const { t } = useTranslation()
  const value =
    error instanceof RapportError
      ? error.toValue()
      : (error as AppErrorValue | null)?.code
        ? (error as AppErrorValue)
        : null
  const details = (value?.details ?? {}) as {
    file?: string
    reason?: string
    canStartEmpty?: boolean
  }
  return (
    <Container size="sm" py="xl">
      <Alert color="red" variant="light" role="alert">
        <Stack gap="sm">
          <Title order={2}>
            {value?.code === 'STORE_UNAVAILABLE' ? t('errors.storeTitle') : t('errors.title')}
          </Title>
          <Text>
            {value?.code === 'STORE_UNAVAILABLE'
              ? t('errors.storeBody')
              : errorText(t, value ? RapportError.fromValue(value) : error)}
          </Text>
          {details.file && <Code block>{t('errors.file', { file: details.file })}</Code>}
          {details.reason && (
            <Text size="sm">{t('errors.reason', { reason: details.reason })}</Text>
          )}
        </Stack>
      </Alert>
      {details.canStartEmpty && <StartEmpty />}
    </Container>
  )
}

/** The user's explicit consent to start over; the damaged file is kept aside, never deleted. */
function StartEmpty() {
  const { t } = useTranslation()
  const api = useApi()
  const [error, setError] = useState<unknown>(null)
  return (
    <Stack mt="lg" gap="sm" align="flex-start">
      <Title order={3}>{t('store.startEmptyTitle')}</Title>
      <Text size="sm">{t('store.startEmptyBody')}</Text>
      <Button
        color="orange"
        onClick={() =>
          api['store.startEmpty']({ confirm: true }).then(() => window.location.reload(), setError)
        }
      >
        {t('store.startEmpty')}
      </Button>
      {error !== null && (
        <Text c="red" size="sm">
          {errorText(t, error)}
        </Text>
      )}
    </Stack>
  )
}
