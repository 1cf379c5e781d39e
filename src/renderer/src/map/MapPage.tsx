import { Button, Loader, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router-dom'
import { useApi } from '../api/ApiContext'
import { NotYetNotice } from '../ui/NotYetNotice'
import { PageHeader } from '../ui/PageHeader'
import { QueryError } from '../ui/QueryError'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'
import { MapView } from './MapView'
import type { Start } from './useMapLayout'

/**
 * The relationship map. `?start=rings|random` lays it out afresh instead of reusing kept
 * positions; the benchmark uses it to compare starts.
 */
export function MapPage() {
  const { t } = useTranslation()
  const api = useApi()
  const [params] = useSearchParams()
  const asked = params.get('start')
  const start: Start = asked === 'rings' || asked === 'random' ? asked : 'kept'
  // Not read again when the map saves its own layout (see queryDependencies). An answer equal
  // to the one on screen keeps it (TanStack's structural sharing), so the picture is not rebuilt.
  const { data, error, refetch } = useQuery({
    queryKey: queryKeys.mapGraph(),
    queryFn: () => api['map.graph'](),
  })
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />
  if (!data) return <Loader />
  const people = data.nodes.filter((n) => n.kind === 'contact').length
  return (
    <Stack gap={0}>
      <PageHeader title={t('map.title')} subtitle={t('map.subtitle')} />
      {people === 0 ? (
        <Stack align="center" py="xl" gap="sm" data-testid="map-empty">
          <svg width="120" height="120" viewBox="-60 -60 120 120" aria-hidden>
            {[20, 36, 52].map((r) => (
              <circle key={r} r={r} fill="none" stroke="#dee2e6" strokeDasharray="4 4" />
            ))}
            <circle r="9" fill="#212529" />
          </svg>
          <Title order={3} size="h4">
            {t('map.emptyTitle')}
          </Title>
          <Text c="dimmed" maw={440} ta="center">
            {t('map.emptyBody')}
          </Text>
          <Button component={Link} to="/contacts" variant="light">
            {t('map.emptyAction')}
          </Button>
        </Stack>
      ) : (
        <MapView view={data} start={start} />
      )}
      <NotYetNotice>{t('map.notYet')}</NotYetNotice>
    </Stack>
  )
}
