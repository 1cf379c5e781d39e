import { Badge, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type {
  CommunityHealthView,
  HealthStatus,
} from '../../../shared/communities/communityOperations'

const COLOR: Record<HealthStatus, string> = { good: 'teal', fair: 'yellow', poor: 'red' }
const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`)

export function HealthBadge({ status }: { status: HealthStatus }) {
  const { t } = useTranslation()
  return (
    <Badge color={COLOR[status]} variant="light">
      {t(`communities.health.status.${status}`)}
    </Badge>
  )
}

function Row(props: { title: string; status: HealthStatus; figures: string; advice: string }) {
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Text fw={600} size="sm">
          {props.title}
        </Text>
        <HealthBadge status={props.status} />
      </Group>
      <Text size="sm" c="dimmed">
        {props.figures}
      </Text>
      <Text size="sm">{props.advice}</Text>
    </Stack>
  )
}

/** The three things a good group does, with figures from the log and a suggestion in words. */
export function HealthCheck({ health }: { health: CommunityHealthView }) {
  const { t } = useTranslation()
  const { theme, mutualHelp, belonging } = health
  return (
    <Stack gap="sm" data-testid="health-check">
      <Row
        title={t('communities.health.theme')}
        status={theme.status}
        figures={
          theme.themeLength === 0
            ? t('communities.health.noTheme')
            : t('communities.health.themeFigures', { count: theme.themeLength }) +
              (theme.hasJoiningCriteria ? t('communities.health.withCriteria') : '')
        }
        advice={t(`communities.health.themeAdvice.${theme.status}`)}
      />
      <Row
        title={t('communities.health.mutualHelp')}
        status={mutualHelp.status}
        figures={t('communities.health.mutualHelpFigures', {
          questions: mutualHelp.questions,
          answers: mutualHelp.answers,
          share: percent(mutualHelp.helpingShare),
        })}
        advice={t(`communities.health.mutualHelpAdvice.${mutualHelp.status}`)}
      />
      <Row
        title={t('communities.health.belonging')}
        status={belonging.status}
        figures={
          (belonging.daysSinceLastActivity === null
            ? t('communities.health.neverActive')
            : t('communities.health.daysSince', { count: belonging.daysSinceLastActivity })) +
          ' · ' +
          t('communities.health.activeShare', { share: percent(belonging.activeShare) })
        }
        advice={
          // A new community has no past to be silent about: "three months without" would be false.
          belonging.daysSinceLastActivity === null
            ? t('communities.health.belongingAdvice.none')
            : t(`communities.health.belongingAdvice.${belonging.status}`)
        }
      />
    </Stack>
  )
}
