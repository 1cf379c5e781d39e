import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { useApi } from '../api/ApiContext'
import { formatDate } from '../format/formatDate'
import { PageHeader } from '../ui/PageHeader'
import { QueryError } from '../ui/QueryError'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'

const STATUS_COLORS = { under: 'yellow', ok: 'teal', over: 'orange' } as const

export function ReviewPage() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const { data, error, refetch } = useQuery({
    queryKey: queryKeys.review(),
    queryFn: () => api['review.get'](),
  })
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />
  if (!data) return <Loader />
  const archive = async (id: string) => {
    await api['contacts.update']({ id, patch: { archived: true } })
  }
  const person = (p: { contactId: string; name: string }) => (
    <Anchor component={Link} to={`/contacts/${p.contactId}`}>
      {p.name}
    </Anchor>
  )
  return (
    <Stack>
      <Anchor component={Link} to="/contacts" size="sm">
        ← {t('card.back')}
      </Anchor>
      <PageHeader title={t('review.title')} subtitle={t('review.subtitle')} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h5" mb="sm">
            {t('review.circle')}
          </Title>
          {data.circle.map((c) => (
            <Group key={c.tier} justify="space-between">
              <Text size="sm">{t(`contacts.tier.${c.tier}`)}</Text>
              <Group gap="xs">
                <Text size="sm">
                  {c.count} / {c.target}
                </Text>
                <Badge color={STATUS_COLORS[c.status]} variant="light" tt="none">
                  {t(`review.status.${c.status}`)}
                </Badge>
              </Group>
            </Group>
          ))}
        </Card>
        <Card withBorder>
          <Title order={2} size="h5" mb="sm">
            {t('review.ecosystems')}
          </Title>
          {data.ecosystems.map((e) => (
            <Group key={e.ecosystem} justify="space-between">
              <Text size="sm">{t(`contacts.ecosystem.${e.ecosystem}`)}</Text>
              <Group gap="xs">
                <Text size="sm">{e.count}</Text>
                {e.thin && (
                  <Badge color="yellow" variant="light" tt="none">
                    {t('review.thin')}
                  </Badge>
                )}
              </Group>
            </Group>
          ))}
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={2} size="h5" mb="sm">
          {t('review.slipping')}
        </Title>
        {data.slipping.length === 0 && <Text c="dimmed">{t('review.slippingNone')}</Text>}
        {data.slipping.map((s) => (
          <Text size="sm" key={s.contactId}>
            {person(s)} · {t(`contacts.tier.${s.tier}`)} ·{' '}
            {t('review.dueSince', {
              when: formatDate(s.dueSince, i18n.language),
              days: s.cadenceDays,
            })}
          </Text>
        ))}
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h5" mb="sm">
            {t('review.moveIn')}
          </Title>
          {data.moveIn.length === 0 && <Text c="dimmed">{t('review.none')}</Text>}
          {data.moveIn.map((p) => (
            <Text size="sm" key={p.contactId}>
              {person(p)} · {t(`contacts.tier.${p.tier}`)}
            </Text>
          ))}
        </Card>
        <Card withBorder>
          <Title order={2} size="h5" mb="sm">
            {t('review.moveOut')}
          </Title>
          {data.moveOut.length === 0 && <Text c="dimmed">{t('review.none')}</Text>}
          {data.moveOut.map((p) => (
            <Group key={p.contactId} justify="space-between">
              <Text size="sm">
                {person(p)} · {t(`contacts.tier.${p.tier}`)}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => void archive(p.contactId)}>
                {t('review.archive')}
              </Button>
            </Group>
          ))}
        </Card>
      </SimpleGrid>
    </Stack>
  )
}
