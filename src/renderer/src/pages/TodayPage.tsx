import { Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { FollowUpView } from '../../../shared/contract'
import { useApi } from '../api/ApiContext'
import { formatDateTime } from '../components/formatDate'
import { NotYetNotice } from '../components/NotYetNotice'
import { PageHeader } from '../components/PageHeader'
import { QueryError } from '../components/QueryError'
import { useQuery } from '../hooks/useQuery'

export function TodayPage() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const { data, error, reload } = useQuery(() => api['overview.get']({}), 'overview')

  if (error) return <QueryError error={error} onRetry={reload} />
  if (!data) return <Loader />

  const rate = data.within24hRate
  const stats = [
    {
      label: t('today.within24h'),
      value: rate === null ? '—' : `${Math.round(rate * 100)}%`,
      hint: rate === null ? t('today.noRateYet') : undefined,
    },
    { label: t('today.openFollowUps'), value: String(data.counts.openFollowUps) },
    { label: t('today.contacts'), value: String(data.counts.contacts) },
    { label: t('today.communities'), value: String(data.counts.communities) },
  ]

  return (
    <Stack>
      <PageHeader title={t('today.title')} subtitle={t('today.subtitle')} />
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {stats.map((s) => (
          <Card key={s.label} withBorder>
            <Text size="sm" c="dimmed">
              {s.label}
            </Text>
            <Text fz={28} fw={700}>
              {s.value}
            </Text>
            {s.hint && (
              <Text size="xs" c="dimmed">
                {s.hint}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
      <Card withBorder>
        <Text size="sm" c="dimmed">
          {t('today.nextEvent')}
        </Text>
        {data.nextEvent ? (
          <Text fw={600}>
            {data.nextEvent.name} ·{' '}
            {formatDateTime(data.nextEvent.startsAt, i18n.language, data.nextEvent.timeZone)}
          </Text>
        ) : (
          <Text>{t('today.noNextEvent')}</Text>
        )}
      </Card>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <FollowUpColumn
          title={t('today.overdue')}
          color="red"
          items={data.overdue}
          empty={t('today.nothingOverdue')}
        />
        <FollowUpColumn
          title={t('today.dueToday')}
          color="orange"
          items={data.dueToday}
          empty={t('today.nothingToday')}
        />
        <FollowUpColumn
          title={t('today.upcoming')}
          color="gray"
          items={data.upcoming}
          empty={t('today.nothingUpcoming')}
        />
      </SimpleGrid>
      <NotYetNotice>{t('today.queueNotYet')}</NotYetNotice>
    </Stack>
  )
}

function FollowUpColumn(props: {
  title: string
  color: string
  items: FollowUpView[]
  empty: string
}) {
  const { t, i18n } = useTranslation()
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {props.title}
        </Title>
        <Badge color={props.color} variant="light">
          {props.items.length}
        </Badge>
      </Group>
      <Stack gap="xs">
        {props.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {props.empty}
          </Text>
        )}
        {props.items.map((f) => (
          <div key={f.id}>
            <Text size="sm" fw={600}>
              {f.contactName}
            </Text>
            <Text size="sm">{f.title}</Text>
            <Text size="xs" c="dimmed">
              {t('today.dueAt', { when: formatDateTime(f.dueAt, i18n.language) })}
            </Text>
          </div>
        ))}
      </Stack>
    </Card>
  )
}
