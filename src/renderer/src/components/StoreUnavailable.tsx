import { Alert, Code, Container, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { RapportError, type AppErrorValue } from '../../../shared/errors'
import { errorText } from './errorText'

/** Shown instead of the app when the data file cannot be used: says which file and why. */
export function StoreUnavailable({ error }: { error: AppErrorValue | unknown }) {
  const { t } = useTranslation()
  const value =
    error instanceof RapportError
      ? error.toValue()
      : (error as AppErrorValue | null)?.code
        ? (error as AppErrorValue)
        : null
  const details = (value?.details ?? {}) as { file?: string; reason?: string }
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
    </Container>
  )
}
