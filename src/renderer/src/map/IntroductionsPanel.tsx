import { Button, Card, Group, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { IntroductionReason, IntroductionSuggestion } from '../../../shared/map/mapOperations'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'
import { QueryError } from '../ui/QueryError'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'

/** "both founders in finance, both in the badminton club", in the user's language. */
export function reasonsText(t: TFunction, reasons: IntroductionReason[]): string {
  return reasons
    .map((r) => {
      switch (r.kind) {
        case 'ecosystem': {
          const ecosystem = t(`contacts.ecosystem.${r.ecosystem}`)
          return r.role
            ? t('map.reason.ecosystemRole', { role: r.role, ecosystem })
            : t('map.reason.ecosystem', { ecosystem })
        }
        case 'community':
          return t('map.reason.community', { name: r.name })
        case 'interest':
          return t('map.reason.interest', { value: r.value })
        case 'tag':
          return t('map.reason.tag', { value: r.value })
      }
    })
    .join(t('map.and'))
}

/** Suggested introductions, each with its reason and a button that plans it as a follow-up. */
export function IntroductionsPanel(props: { onShowPair: (a: string, b: string) => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const { data, error, refetch } = useQuery({
    queryKey: queryKeys.mapSuggestions(),
    queryFn: () => api['map.suggestions']({ limit: 15 }),
  })
  const [busy, setBusy] = useState<string | null>(null)
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />
  if (!data) return null
  const accept = async (s: IntroductionSuggestion) => {
    setBusy(`${s.a.id}+${s.b.id}`)
    try {
      await api['map.acceptIntroduction']({
        aId: s.a.id,
        bId: s.b.id,
        title: t('map.introduceTitle', { a: s.a.name, b: s.b.name }),
        notes: t('map.introduceNotes', { why: reasonsText(t, s.reasons) }),
      })
      notifications.show({
        color: 'teal',
        message: t('map.introduceDone', { a: s.a.name, b: s.b.name }),
      })
      // Before the button is free again, so that the accepted pair cannot be accepted twice.
      await refetch()
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    } finally {
      setBusy(null)
    }
  }
  return (
    <Stack gap="sm" data-testid="map-introductions">
      <Text size="sm" c="dimmed">
        {t('map.introductionsIntro')}
      </Text>
      {data.length === 0 && <Text size="sm">{t('map.introductionsNone')}</Text>}
      {data.map((s) => (
        <Card key={`${s.a.id}+${s.b.id}`} withBorder padding="xs">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2}>
              <Text
                size="sm"
                fw={600}
                style={{ cursor: 'pointer' }}
                onClick={() => props.onShowPair(`contact:${s.a.id}`, `contact:${s.b.id}`)}
              >
                {s.a.name} ↔ {s.b.name}
              </Text>
              <Text size="xs" c="dimmed">
                {reasonsText(t, s.reasons)}
              </Text>
            </Stack>
            <Button
              size="compact-xs"
              style={{ flex: 'none' }}
              variant={s.planned ? 'subtle' : 'light'}
              disabled={s.planned}
              loading={busy === `${s.a.id}+${s.b.id}`}
              onClick={() => void accept(s)}
              aria-label={`${t('map.introduce')}${t('common.colon')}${s.a.name} ↔ ${s.b.name}`}
            >
              {s.planned ? t('map.introducePlanned') : t('map.introduce')}
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  )
}
