import { Loader, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/ApiContext'
import { NotYetNotice } from '../../components/NotYetNotice'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { useQuery } from '../../hooks/useQuery'

export function MapPage() {
  const { t } = useTranslation()
  const api = useApi()
  const { data, error, reload } = useQuery(() => api['overview.get']({}), 'map')
  if (error) return <QueryError error={error} onRetry={reload} />
  if (!data) return <Loader />
  return (
    <Stack>
      <PageHeader title={t('map.title')} />
      <NotYetNotice>{t('map.notYet')}</NotYetNotice>
      <Text>
        {t('map.summary', {
          contacts: data.counts.contacts,
          relationships: data.counts.relationships,
        })}
      </Text>
    </Stack>
  )
}
