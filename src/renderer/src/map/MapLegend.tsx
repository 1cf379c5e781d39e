import { Group, Paper, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ecosystemSchema, tierSchema } from '../../../shared/model'
import {
  COMMUNITY_COLOUR,
  ECOSYSTEM_COLOURS,
  EVENT_COLOUR,
  NONE_COLOUR,
  paletteColour,
  TIER_COLOURS,
  type ColourBy,
} from './mapStyle'

function Swatch({ colour, label }: { colour: string; label: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <span
        aria-hidden
        style={{ width: 10, height: 10, borderRadius: 5, background: colour, flex: 'none' }}
      />
      <Text size="xs">{label}</Text>
    </Group>
  )
}

/** What the colours mean under the current scheme. */
export function MapLegend(props: {
  by: ColourBy
  clusterCount: number
  communities: { key: string; label: string }[]
}) {
  const { t } = useTranslation()
  let items: { colour: string; label: string }[]
  switch (props.by) {
    case 'tier':
      items = tierSchema.options.map((tier) => ({
        colour: TIER_COLOURS[tier],
        label: t(`contacts.tier.${tier}`),
      }))
      break
    case 'ecosystem':
      items = [
        ...ecosystemSchema.options.map((e) => ({
          colour: ECOSYSTEM_COLOURS[e],
          label: t(`contacts.ecosystem.${e}`),
        })),
        { colour: NONE_COLOUR, label: t('map.noEcosystem') },
      ]
      break
    case 'cluster':
      items = [
        ...Array.from({ length: Math.min(props.clusterCount, 10) }, (_, i) => ({
          colour: paletteColour(i),
          label: t('map.clusterN', { n: i + 1 }),
        })),
        { colour: NONE_COLOUR, label: t('map.noCluster') },
      ]
      break
    case 'community':
      items = [
        ...props.communities.map((c, i) => ({ colour: paletteColour(i), label: c.label })),
        { colour: NONE_COLOUR, label: t('map.noCommunity') },
      ]
      break
  }
  if (props.by !== 'community')
    items.push({ colour: COMMUNITY_COLOUR, label: t('map.legendCommunity') })
  items.push({ colour: EVENT_COLOUR, label: t('map.legendEvent') })
  return (
    <Paper p={4} mt={4} aria-label={t('map.legend')}>
      <Group gap="sm">
        {items.map((item) => (
          <Swatch key={item.label} {...item} />
        ))}
      </Group>
    </Paper>
  )
}
