import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { MapNode, ReachPath } from '../../../shared/map/mapOperations'
import { useApi } from '../api/ApiContext'
import { formatDate } from '../format/formatDate'
import { QueryError } from '../ui/QueryError'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'
import { TIER_COLOURS } from './mapStyle'

/** The selected node's card: who they are, their ties on the map, ego view and reach path. */
export function PersonPanel(props: {
  node: MapNode | null
  links: number
  ego: 0 | 1 | 2
  onEgo: (depth: 0 | 1 | 2) => void
  path: ReachPath | null
  onReach: () => void
  onClearPath: () => void
  onFilterTo: (key: string) => void
}) {
  const { t } = useTranslation()
  const { node } = props
  if (!node) return <Text c="dimmed">{t('map.pickPerson')}</Text>
  const egoControl = (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('map.ego')}
      </Text>
      <SegmentedControl
        fullWidth
        size="xs"
        value={String(props.ego)}
        onChange={(v) => props.onEgo(Number(v) as 0 | 1 | 2)}
        data={[
          { value: '0', label: t('map.egoOff') },
          { value: '1', label: t('map.egoDepth1') },
          { value: '2', label: t('map.egoDepth2') },
        ]}
      />
    </Stack>
  )
  if (node.kind !== 'contact') {
    return (
      <Stack gap="sm">
        <Title order={3} size="h4">
          {node.kind === 'me' ? node.label || t('map.me') : node.label}
        </Title>
        {node.kind !== 'me' && (
          <Badge variant="light" color="gray">
            {node.kind === 'event' ? t('map.legendEvent') : t('map.legendCommunity')}
          </Badge>
        )}
        <Text size="sm">{t('map.links', { count: props.links })}</Text>
        {node.kind !== 'me' && (
          <Button variant="light" size="xs" onClick={() => props.onFilterTo(node.key)}>
            {t('map.filters')}
            {t('common.colon')}
            {node.label}
          </Button>
        )}
        {egoControl}
      </Stack>
    )
  }
  return <ContactDetails {...props} node={node} egoControl={egoControl} />
}

function ContactDetails(
  props: Parameters<typeof PersonPanel>[0] & { node: MapNode; egoControl: React.ReactNode },
) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const id = props.node.key.slice('contact:'.length)
  const { data, error, refetch } = useQuery({
    queryKey: queryKeys.card(id),
    queryFn: () => api['contacts.card']({ id }),
  })
  const contact = data?.contact
  return (
    <Stack gap="sm" data-testid="map-person">
      <Title order={3} size="h4">
        {props.node.label}
      </Title>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      {contact && (contact.role || contact.organization) && (
        <Text size="sm">{[contact.role, contact.organization].filter(Boolean).join(' · ')}</Text>
      )}
      <Group gap={6}>
        <Badge color={TIER_COLOURS[props.node.tier ?? 'outside']} variant="light">
          {t(`contacts.tier.${props.node.tier ?? 'outside'}`)}
        </Badge>
        {props.node.ecosystem && (
          <Badge variant="outline" color="gray">
            {t(`contacts.ecosystem.${props.node.ecosystem}`)}
          </Badge>
        )}
        {(props.node.tags ?? []).map((tag) => (
          <Badge key={tag} variant="dot" color="gray">
            {tag}
          </Badge>
        ))}
      </Group>
      {contact?.whatTheyDo && <Text size="sm">{contact.whatTheyDo}</Text>}
      {contact?.seed && (
        <Text size="sm" c="dimmed">
          {contact.seed}
        </Text>
      )}
      <Text size="sm">
        {props.node.lastContactAt
          ? t('map.lastContact', { when: formatDate(props.node.lastContactAt, i18n.language) })
          : t('map.neverContacted')}
      </Text>
      <Text size="sm">
        {t('map.links', { count: props.links })}
        {props.node.mentions > 0 ? ` · ${t('map.mentioned', { count: props.node.mentions })}` : ''}
      </Text>
      <Anchor component={Link} to={`/contacts/${id}`} size="sm">
        {t('map.openCard')}
      </Anchor>
      {props.egoControl}
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={props.onReach}>
          {t('map.reach')}
        </Button>
        {props.path && (
          <Button size="xs" variant="subtle" onClick={props.onClearPath}>
            {t('map.clearPath')}
          </Button>
        )}
      </Group>
      {props.path && <PathText path={props.path} />}
    </Stack>
  )
}

function PathText({ path }: { path: ReachPath }) {
  const { t } = useTranslation()
  if (path.steps.length === 0) return <Text size="sm">{t('map.reachNone')}</Text>
  if (path.steps.length <= 2) return <Text size="sm">{t('map.reachDirect')}</Text>
  const between = path.steps.slice(1, -1)
  return (
    <Stack gap={2} data-testid="map-path">
      <Text size="sm">{t('map.reachVia', { count: between.length })}</Text>
      <List size="sm" type="ordered">
        {path.steps.map((s) => (
          <List.Item key={s.key}>{s.key === 'me' ? s.label || t('map.me') : s.label}</List.Item>
        ))}
      </List>
    </Stack>
  )
}
