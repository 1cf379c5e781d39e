import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  Modal,
  MultiSelect,
  Stack,
  Text,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { EventListItem } from '../../../shared/events/eventViews'
import { useApi } from '../api/ApiContext'
import { formatDateTime } from '../format/formatDate'
import { PageHeader } from '../ui/PageHeader'
import { QueryError } from '../ui/QueryError'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'
import { EventEditor } from './EventEditor'
import { WorthIt } from './WorthIt'

export function EventsPage() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const navigate = useNavigate()
  const { data, error, refetch } = useQuery({
    queryKey: queryKeys.eventList(),
    queryFn: () => api['events.list'](),
  })
  const [now] = useState(() => Date.now())
  const [creating, setCreating] = useState(false)
  const [compare, setCompare] = useState<string[]>([])
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />
  if (!data) return <Loader />
  const compared = compare
    .map((id) => data.find((e) => e.id === id))
    .filter((e): e is EventListItem => !!e)
  return (
    <Stack>
      <PageHeader
        title={t('events.title')}
        subtitle={t('events.subtitle')}
        actions={<Button onClick={() => setCreating(true)}>{t('events.new')}</Button>}
      />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('events.new')} size="xl">
        <EventEditor onSaved={(event) => navigate(`/events/${event.id}`)} />
      </Modal>
      {data.length === 0 && <Text c="dimmed">{t('events.empty')}</Text>}
      {data.length >= 2 && (
        <Card withBorder>
          <MultiSelect
            label={t('events.compare.label')}
            description={t('events.compare.hint')}
            maxValues={2}
            data={data.map((e) => ({ value: e.id, label: e.name }))}
            value={compare}
            onChange={setCompare}
          />
          {compared.length === 2 && (
            <Grid gap="md" mt="md" aria-label={t('events.compare.label')}>
              {compared.map((e) => (
                <Grid.Col key={e.id} span={6}>
                  <Text fw={600} mb={4}>
                    {e.name}
                  </Text>
                  <WorthIt worthIt={e.worthIt} />
                </Grid.Col>
              ))}
            </Grid>
          )}
        </Card>
      )}
      {data.map((event) => {
        const upcoming = Date.parse(event.endsAt ?? event.startsAt) >= now
        return (
          <Card key={event.id} withBorder>
            <Group justify="space-between">
              <Anchor component={Link} to={`/events/${event.id}`} fw={600}>
                {event.name}
              </Anchor>
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
                <Badge variant="outline">
                  {t('events.score.short', { score: event.worthIt.score })}
                </Badge>
              </Group>
            </Group>
            <Text size="sm" c="dimmed">
              {formatDateTime(event.startsAt, i18n.language, event.timeZone)}
              {event.venue ? ` · ${event.venue}` : ''}
            </Text>
            {event.whyItMatters && (
              <Text size="sm" mt="xs" lineClamp={2}>
                {event.whyItMatters}
              </Text>
            )}
            <Text size="sm" mt="xs">
              {t('events.targets', { count: event.targets.length })} ·{' '}
              {t('events.metCount', { count: event.metCount })}
            </Text>
          </Card>
        )
      })}
    </Stack>
  )
}
