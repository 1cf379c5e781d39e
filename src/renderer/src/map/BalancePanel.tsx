import { Group, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useApi } from '../api/ApiContext'
import { QueryError } from '../ui/QueryError'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'
import { ECOSYSTEM_COLOURS, TIER_COLOURS } from './mapStyle'

/** The network's spread over the six ecosystems and the tiers, pointing at the thin ones. */
export function BalancePanel() {
  const { t } = useTranslation()
  const api = useApi()
  const { data, error, refetch } = useQuery({
    queryKey: queryKeys.mapBalance(),
    queryFn: () => api['map.balance'](),
  })
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />
  if (!data) return null
  const most = Math.max(1, ...data.ecosystems.map((e) => e.circle))
  const thin = data.ecosystems.filter((e) => e.thin)
  return (
    <Stack gap="sm" data-testid="map-balance">
      <Text size="sm" c="dimmed">
        {t('map.balanceIntro')}
      </Text>
      {data.ecosystems.map((e) => (
        <Stack key={e.ecosystem} gap={2}>
          <Group justify="space-between">
            <Text size="sm" fw={e.thin ? 600 : 400} c={e.thin ? 'orange.8' : undefined}>
              {t(`contacts.ecosystem.${e.ecosystem}`)}
              {e.thin ? ` · ${t('map.thin')}` : ''}
            </Text>
            <Text size="xs" c="dimmed">
              {e.circle} {t('map.balanceCircle')} · {e.all} {t('map.balanceAll')}
            </Text>
          </Group>
          <Progress
            value={(e.circle / most) * 100}
            color={ECOSYSTEM_COLOURS[e.ecosystem]}
            size="sm"
            aria-label={t(`contacts.ecosystem.${e.ecosystem}`)}
          />
        </Stack>
      ))}
      <Text size="sm">
        {thin.length > 0
          ? t('map.thinHint', {
              list: thin.map((e) => t(`contacts.ecosystem.${e.ecosystem}`)).join(t('map.and')),
            })
          : t('map.noThin')}
      </Text>
      {data.unsorted > 0 && (
        <Text size="xs" c="dimmed">
          {t('map.unsorted', { count: data.unsorted })}
        </Text>
      )}
      <Stack gap={4}>
        {data.tiers.map((tier) => (
          <Group key={tier.tier} justify="space-between">
            <Text size="sm" c={TIER_COLOURS[tier.tier]} fw={500}>
              {t(`contacts.tier.${tier.tier}`)}
            </Text>
            <Text size="xs">
              {tier.target === null
                ? t('map.tierOutside', { count: tier.count })
                : `${t('map.tierCount', { count: tier.count, target: tier.target })} · ${t(`map.status.${tier.status}`)}`}
            </Text>
          </Group>
        ))}
      </Stack>
    </Stack>
  )
}
