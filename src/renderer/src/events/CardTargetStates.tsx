import { Anchor, Badge, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { useApi } from '../api/ApiContext'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'

/** On the contact card: the events where this person is a target, and their stage there. */
export function CardTargetStates({ contactId }: { contactId: string }) {
  const { t } = useTranslation()
  const api = useApi()
  const { data } = useQuery({
    queryKey: queryKeys.targetsOf(contactId),
    queryFn: () => api['events.targetsOf']({ contactId }),
  })
  if (!data || data.length === 0) return null
  return (
    <Stack gap={4} mb="md" data-testid="target-states">
      <Text size="sm" fw={600}>
        {t('events.cardTargets.title')}
      </Text>
      <Stack gap={4}>
        {data.map((s) => (
          <Group key={s.eventId} justify="space-between" wrap="nowrap">
            <Anchor component={Link} to={`/events/${s.eventId}?tab=targets`} size="sm">
              {s.eventName}
            </Anchor>
            <Group gap={4} wrap="nowrap">
              <Text size="xs" c="dimmed">
                #{s.rank}
              </Text>
              {s.mustMeet && (
                <Badge size="xs" color="red">
                  {t('events.targetList.mustMeet')}
                </Badge>
              )}
              <Badge size="sm" variant="light" title={s.pausedReason}>
                {t(`events.stages.${s.stage}`)}
              </Badge>
            </Group>
          </Group>
        ))}
      </Stack>
    </Stack>
  )
}
