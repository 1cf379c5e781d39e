import { Alert, Button, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { errorText } from '../api/errorText'

export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text style={{ whiteSpace: 'pre-line' }}>{errorText(t, error)}</Text>
        <Button size="xs" variant="light" color="red" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Alert>
  )
}
