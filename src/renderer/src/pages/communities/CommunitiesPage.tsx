import { Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/ApiContext'
import { formatDateTime } from '../../components/formatDate'
import { NotYetNotice } from '../../components/NotYetNotice'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { useQuery } from '../../hooks/useQuery'

export function CommunitiesPage() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const { data, error, reload } = useQuery(
    async () => ({
      communities: await api['communities.list'](),
      gatherings: await api['gatherings.list'](),
    }),
    'communities',
  )
  if (error) return <QueryError error={error} onRetry={reload} />
  if (!data) return <Loader />
  return (
    <Stack>
      <PageHeader title={t('communities.title')} />
      <NotYetNotice>{t('communities.notYet')}</NotYetNotice>
      {data.communities.length === 0 && <Text c="dimmed">{t('communities.empty')}</Text>}
      {data.communities.map((community) => {
        const gatherings = data.gatherings.filter((g) => g.communityId === community.id)
        return (
          <Card key={community.id} withBorder>
            <Group justify="space-between">
              <Text fw={600}>{community.name}</Text>
              <Group gap="xs">
                {community.demo && (
                  <Badge variant="outline" color="gray">
                    {t('common.demo')}
                  </Badge>
                )}
                <Badge variant="light">{t(`communities.role.${community.role}`)}</Badge>
                <Badge variant="light" color="gray">
                  {t('communities.members', { count: community.members.length })}
                </Badge>
              </Group>
            </Group>
            {community.theme && (
              <Text size="sm" mt="xs">
                {community.theme}
              </Text>
            )}
            {gatherings.length > 0 && (
              <>
                <Title order={4} size="h5" mt="md">
                  {t('communities.gatherings')}
                </Title>
                {gatherings.map((g) => (
                  <Text size="sm" key={g.id}>
                    {g.title} · {formatDateTime(g.startsAt, i18n.language, g.timeZone)} ·{' '}
                    {t('communities.attendees', { count: g.attendees.length })}
                  </Text>
                ))}
              </>
            )}
          </Card>
        )
      })}
    </Stack>
  )
}
