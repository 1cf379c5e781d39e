import {
  Button,
  Chip,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { MapNode } from '../../../shared/map/mapOperations'
import { ecosystemSchema, tierSchema, type Ecosystem, type Tier } from '../../../shared/model'
import { filtersActive, NO_FILTERS, type MapFilters } from './mapFilters'

/** Filters on who the map shows: tag, circle, ecosystem, event, community, last contact. */
export function FiltersPanel(props: {
  nodes: readonly MapNode[]
  filters: MapFilters
  onChange: (filters: MapFilters) => void
}) {
  const { t } = useTranslation()
  const f = props.filters
  const set = (patch: Partial<MapFilters>) => props.onChange({ ...f, ...patch })
  const tags = [...new Set(props.nodes.flatMap((n) => n.tags ?? []))].sort()
  const places = (kind: MapNode['kind']) =>
    props.nodes.filter((n) => n.kind === kind).map((n) => ({ value: n.key, label: n.label }))
  return (
    <Stack gap="sm" data-testid="map-filters">
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('map.tiers')}
        </Text>
        <Chip.Group multiple value={f.tiers} onChange={(v) => set({ tiers: v as Tier[] })}>
          <Group gap={4}>
            {tierSchema.options.map((tier) => (
              <Chip key={tier} value={tier} size="xs">
                {t(`contacts.tier.${tier}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Stack>
      <MultiSelect
        label={t('map.ecosystems')}
        size="xs"
        data={ecosystemSchema.options.map((e) => ({
          value: e,
          label: t(`contacts.ecosystem.${e}`),
        }))}
        value={f.ecosystems}
        onChange={(v) => set({ ecosystems: v as Ecosystem[] })}
        clearable
      />
      <MultiSelect
        label={t('map.tags')}
        size="xs"
        data={tags}
        value={f.tags}
        onChange={(v) => set({ tags: v })}
        searchable
        clearable
      />
      <Select
        label={t('map.event')}
        size="xs"
        placeholder={t('map.anyEvent')}
        data={places('event')}
        value={f.event}
        onChange={(v) => set({ event: v })}
        clearable
      />
      <Select
        label={t('map.community')}
        size="xs"
        placeholder={t('map.anyCommunity')}
        data={places('community')}
        value={f.community}
        onChange={(v) => set({ community: v })}
        clearable
      />
      <NumberInput
        label={t('map.olderThan')}
        size="xs"
        placeholder={t('map.olderThanPlaceholder')}
        min={1}
        max={3650}
        value={f.olderThanDays ?? ''}
        onChange={(v) => set({ olderThanDays: typeof v === 'number' && v > 0 ? v : null })}
      />
      <Switch
        size="xs"
        label={t('map.showEvents')}
        checked={f.showEvents}
        onChange={(e) => set({ showEvents: e.currentTarget.checked })}
      />
      <Switch
        size="xs"
        label={t('map.showCommunities')}
        checked={f.showCommunities}
        onChange={(e) => set({ showCommunities: e.currentTarget.checked })}
      />
      {filtersActive(f) && (
        <Button size="xs" variant="subtle" onClick={() => props.onChange({ ...NO_FILTERS })}>
          {t('map.clearFilters')}
        </Button>
      )}
    </Stack>
  )
}
