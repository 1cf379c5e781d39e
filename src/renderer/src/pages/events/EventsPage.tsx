import { Badge, Card, Group, Loader, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/ApiContext'
import { formatDateTime } from '../../components/formatDate'
import { NotYetNotice } from '../../components/NotYetNotice'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { useQuery } from '../../hooks/useQuery'

export function EventsPage() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const { data, error, reload } = useQuery(() => api['events.list'](), 'events')
  const [now] = useState(() => Date.now())
  if (error) return <QueryError error={error} onRetry={reload} />
  if (!data) return <Loader />
  return (
    <Stack>
      <PageHeader title={t('events.title')} />
      <NotYetNotice>{t('events.notYet')}</NotYetNotice>
      {data.length === 0 && <Text c="dimmed">{t('events.empty')}</Text>}
      {data.map((event) => {
        const upcoming = Date.parse(event.endsAt ?? event.startsAt) >= now
        return (
          <Card key={event.id} withBorder>
            <Group justify="space-between">
              <Text fw={600}>{event.name}</Text>
              <Group gap="xs">
                {event.demo && (
                  <Badge variant="outline" color="gray">
                    {t('common.demo')}
                  </Badge>
                )}
                <Badge color={upcoming ? 'teal' : 'gray'}>
                  {upcoming ? t('events.upcoming') : t('events.past')}
                </Badge>
                <Badge variant="light">{t(`events.level.${event.level}`)}</Badge>
              </Group>
            </Group>
            <Text size="sm" c="dimmed">
              {formatDateTime(event.startsAt, i18n.language, event.timeZone)} · {event.venue}
            </Text>
            {event.whyItMatters && (
              <Text size="sm" mt="xs">
                {event.whyItMatters}
              </Text>
            )}
            <Text size="sm" mt="xs">
              {t('events.targets', { count: event.targets.length })}
            </Text>
          </Card>
        )
      })}
    </Stack>
  )
}
