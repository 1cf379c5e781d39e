import { Anchor, Badge, Button, Card, Group, Loader, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { useApi } from '../api/ApiContext'
import { formatDateTime } from '../format/formatDate'
import { PageHeader } from '../ui/PageHeader'
import { QueryError } from '../ui/QueryError'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'
import { CommunityForm } from './CommunityForm'
import { GatheringForm } from './GatheringForm'
import { HealthBadge, HealthCheck } from './HealthCheck'

/** Communities I run come first, each with its health check; the ones I only belong to follow. */
export function CommunitiesPage() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const navigate = useNavigate()
  const [creating, setCreating] = useState(false)
  const [planning, setPlanning] = useState(false)
  const [now] = useState(() => Date.now())
  const { data, error, refetch } = useQuery({
    queryKey: queryKeys.communitySummaries(),
    queryFn: async () => ({
      summaries: await api['communities.summaries']({}),
      gatherings: await api['gatherings.list'](),
    }),
  })
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />
  if (!data) return <Loader />
  return (
    <Stack>
      <PageHeader
        title={t('communities.title')}
        subtitle={t('communities.subtitle')}
        actions={
          <Group>
            <Button variant="default" onClick={() => setPlanning(true)}>
              {t('communities.planGathering')}
            </Button>
            <Button onClick={() => setCreating(true)}>{t('communities.new')}</Button>
          </Group>
        }
      />
      {creating && (
        <CommunityForm
          opened
          onClose={() => setCreating(false)}
          onSaved={(c) => navigate(`/communities/${c.id}`)}
        />
      )}
      {planning && (
        <GatheringForm
          memberCount={0}
          onClose={() => setPlanning(false)}
          onSaved={(g) => navigate(`/communities/gatherings/${g.id}`)}
        />
      )}
      {data.summaries.length === 0 && (
        <Card withBorder>
          <Text fw={600}>{t('communities.emptyTitle')}</Text>
          <Text c="dimmed" size="sm">
            {t('communities.emptyBody')}
          </Text>
        </Card>
      )}
      {data.summaries.map(({ community, health, overall }) => {
        const runs = community.role !== 'member'
        const upcoming = data.gatherings
          .filter((g) => g.communityId === community.id && Date.parse(g.startsAt) >= now)
          .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
        return (
          <Card key={community.id} withBorder data-testid="community-card">
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Anchor component={Link} to={`/communities/${community.id}`} fw={600} size="lg">
                  {community.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t(`communities.platform.${community.platform}`)} ·{' '}
                  {t('communities.members', { count: community.members.length })}
                </Text>
              </Stack>
              <Group gap="xs">
                {community.demo && (
                  <Badge variant="outline" color="gray">
                    {t('common.demo')}
                  </Badge>
                )}
                <Badge variant="light">{t(`communities.role.${community.role}`)}</Badge>
                <HealthBadge status={overall} />
              </Group>
            </Group>
            {community.theme && (
              <Text size="sm" mt="xs">
                {community.theme}
              </Text>
            )}
            {runs && (
              <Card withBorder mt="sm" padding="sm" bg="var(--mantine-color-gray-0)">
                <HealthCheck health={health} />
              </Card>
            )}
            {upcoming.map((g) => (
              <Text size="sm" mt="xs" key={g.id}>
                {t('communities.nextGathering')}
                {t('common.colon')}
                <Anchor component={Link} to={`/communities/gatherings/${g.id}`}>
                  {g.title}
                </Anchor>{' '}
                · {formatDateTime(g.startsAt, i18n.language, g.timeZone)} ·{' '}
                {t('communities.attendees', { count: g.attendees.length })}
              </Text>
            ))}
          </Card>
        )
      })}
    </Stack>
  )
}
