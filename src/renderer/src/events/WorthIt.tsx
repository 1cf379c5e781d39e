import { Badge, Group, List, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { WorthItScore } from '../../../shared/events/eventViews'

/** The worth-it score and the reasons behind it, line by line. */
export function WorthIt({ worthIt }: { worthIt: WorthItScore }) {
  const { t } = useTranslation()
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={600}>{t('events.score.title')}</Text>
        <Badge
          size="lg"
          color={worthIt.score >= 60 ? 'teal' : worthIt.score >= 35 ? 'yellow' : 'gray'}
        >
          {worthIt.score} / 100
        </Badge>
      </Group>
      <List size="sm" spacing={2}>
        {worthIt.reasons.map((r) => (
          <List.Item key={r.key}>
            {t(`events.score.reasons.${r.key}`, { count: r.count ?? 0 })}{' '}
            <Text span c={r.points < 0 ? 'red' : 'dimmed'}>
              ({r.points > 0 ? '+' : ''}
              {r.points})
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  )
}
