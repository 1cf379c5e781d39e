import {
  Alert,
  Box,
  Button,
  Grid,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Tabs,
  Text,
  Tooltip,
} from '@mantine/core'
import Graph from 'graphology'
import { notifications } from '@mantine/notifications'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MapGraphView, MapNode, ReachPath } from '../../../shared/map/mapOperations'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'
import { BalancePanel } from './BalancePanel'
import { FiltersPanel } from './FiltersPanel'
import { IntroductionsPanel } from './IntroductionsPanel'
import {
  MapCanvas,
  MAX_DRAWN_LINKS,
  webglAvailable,
  type DrawnEdge,
  type DrawnGraph,
  type Highlight,
} from './MapCanvas'
import { adjacency, egoNodes, filtersActive, NO_FILTERS, visibleNodes } from './mapFilters'
import { MapLegend } from './MapLegend'
import { fade, nodeColour, nodeSize, type ColourBy } from './mapStyle'
import { PersonPanel } from './PersonPanel'
import { ringView } from './placement'
import { importanceRanks } from './mapLabels'
import { useContactSearchOptions } from './useContactSearch'
import { startPositions, useMapLayout, type Positions, type Start } from './useMapLayout'

const EDGE_COLOURS: Record<string, string> = {
  knows: '#adb5bd',
  introduced: '#74c0fc',
  mentioned: '#ffc078',
  met: '#dee2e6',
  attended: '#e9ecef',
  member: '#e9ecef',
}

/** How a link is drawn: by its strongest kind; thousands of strong lines are pale. */
function edgeLook(kinds: readonly string[], large: boolean): DrawnEdge {
  const strong = kinds.find((k) => k !== 'met' && k !== 'attended' && k !== 'member')
  const colour = EDGE_COLOURS[strong ?? kinds[0] ?? 'knows'] ?? '#dee2e6'
  return {
    // Thousands of strong lines turn a large map grey: there they are pale.
    color: large ? fade(colour, strong ? 0.5 : 0.3) : colour,
    size: strong ? 1.2 : 0.6,
  }
}

/** A contact's node on the map. */
const contactKey = (contactId: string) => `contact:${contactId}`
/** Above this many links, links are drawn see-through. */
const LARGE_EDGES = 5000
/** How strongly people linked to no other person are drawn (1 = full colour). */
const LONER_STRENGTH = 0.45
/** From this many nodes on, the outer circle fades by importance. */
const CROWDED = 5000

/**
 * How strongly a node is drawn: people linked to no other person are faint; on a crowded map the
 * outer circle (most of the network) fades with importance, so its dots read as a texture with
 * the people who matter standing out, not as one solid band.
 */
function strengthOf(node: MapNode, loner: boolean, order: number): number {
  if (loner) return LONER_STRENGTH
  if (order < CROWDED || node.kind !== 'contact' || (node.tier ?? 'outside') !== 'outside') return 1
  return 0.3 + 0.7 * Math.sqrt(node.importance)
}

/**
 * People linked to no other person: known only through me, or through an event or community
 * they attended. They are most of a large network and say little about its shape.
 */
function lonersOf(
  view: MapGraphView,
  neighbours: ReadonlyMap<string, ReadonlySet<string>>,
): Set<string> {
  const out = new Set<string>()
  for (const node of view.nodes) {
    if (node.kind !== 'contact') continue
    let linked = false
    for (const other of neighbours.get(node.key) ?? []) {
      if (other.startsWith('contact:')) {
        linked = true
        break
      }
    }
    if (!linked) out.add(node.key)
  }
  return out
}

/** The map itself with its controls and side panel, for a loaded, non-empty network. */

export function MapView({ view, start }: { view: MapGraphView; start: Start }) {
  const { t } = useTranslation()
  const api = useApi()
  const [colourBy, setColourBy] = useState<ColourBy>('tier')
  const [rings, setRings] = useState(true)
  const [filters, setFilters] = useState(NO_FILTERS)
  const [selected, setSelected] = useState<string | null>(null)
  const [focus, setFocus] = useState<{ key: string; at: number } | null>(null)
  const [ego, setEgo] = useState<0 | 1 | 2>(0)
  const [path, setPath] = useState<{ forKey: string; result: ReachPath } | null>(null)
  const [pair, setPair] = useState<string[] | null>(null)
  const [tab, setTab] = useState<string | null>('person')
  const [saveError, setSaveError] = useState(false)
  /** Kept positions, or the ring placement: drawn at once, before any layout. */
  const initial = useMemo(() => startPositions(view, start), [view, start])
  const free = useRef<Positions>(initial)
  /** "Last contact older than N days" counts from when the map was opened. */
  const [now] = useState(() => Date.now())
  const canDraw = useMemo(() => webglAvailable(), [])

  const byKey = useMemo(() => new Map(view.nodes.map((n) => [n.key, n])), [view])
  const neighbours = useMemo(() => adjacency(view), [view])
  const ranks = useMemo(() => importanceRanks(view.nodes), [view])
  /** People linked to no other person: drawn small and faint, so the linked network reads. */
  const loners = useMemo(() => lonersOf(view, neighbours), [view, neighbours])
  const labelOf = useCallback(
    (key: string) => {
      const node = byKey.get(key)
      return node?.kind === 'contact' ? node.label : undefined
    },
    [byKey],
  )
  const communities = useMemo(
    () =>
      view.nodes.filter((n) => n.kind === 'community').map((n) => ({ key: n.key, label: n.label })),
    [view],
  )
  const communityOf = useMemo(() => {
    const map = new Map<string, number>()
    communities.forEach((c, i) => {
      map.set(c.key, i)
      for (const member of neighbours.get(c.key) ?? []) if (!map.has(member)) map.set(member, i)
    })
    return map
  }, [communities, neighbours])

  const crowded = view.edges.length > MAX_DRAWN_LINKS
  /** A crowded map's links of one node, found when it is focused (a scan costs a millisecond). */
  const linksOf = useMemo(
    () =>
      crowded
        ? (key: string): [string, string, DrawnEdge][] => {
            const out: [string, string, DrawnEdge][] = []
            for (const [a, b, kinds] of view.edges) {
              if (a === key || b === key) out.push([a, b, edgeLook(kinds, true)])
            }
            return out
          }
        : undefined,
    [crowded, view],
  )

  const graph: DrawnGraph = useMemo(() => {
    const g: DrawnGraph = new Graph({ type: 'undirected' })
    // Built where the first picture shows them, so the first frame is already the map.
    const shown = rings ? ringView(view.nodes, initial, loners) : initial
    const large = view.edges.length > LARGE_EDGES
    for (const node of view.nodes) {
      const at = shown.get(node.key) ?? [0, 0]
      g.addNode(node.key, {
        x: at[0],
        y: at[1],
        size: nodeSize(node, view.nodes.length, loners.has(node.key)),
        color: '#000',
        label: node.kind === 'me' ? node.label || t('map.me') : node.label,
        kind: node.kind,
        zIndex: node.kind === 'me' ? 2 : 1,
      })
    }
    // On a crowded map links are drawn only around the focused person: they join the graph on
    // demand (`linksOf`), so the page never builds, indexes or skips tens of thousands of them.
    if (!crowded) for (const [a, b, kinds] of view.edges) g.mergeEdge(a, b, edgeLook(kinds, large))
    return g
    // The label of "me" follows the language, and `rings` is only where the first picture
    // starts (switching redraws through `draw`): neither rebuilds the graph.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, initial, loners, crowded])

  // Colours are applied by the canvas's reducer, so switching schemes never touches positions.
  const colours = useMemo(
    () =>
      new Map(
        view.nodes.map((n) => {
          const colour = nodeColour(n, colourBy, communityOf)
          const strength = strengthOf(n, loners.has(n.key), view.nodes.length)
          return [n.key, strength < 1 ? fade(colour, strength) : colour]
        }),
      ),
    [view, colourBy, communityOf, loners],
  )

  const draw = useCallback(
    (positions: Positions, asRings: boolean) => {
      const shown = asRings ? ringView(view.nodes, positions, loners) : positions
      // In place: a copy of every node on each layout step is garbage the page pauses for.
      graph.updateEachNodeAttributes(
        (key, attributes) => {
          const at = shown.get(key)
          if (at) {
            attributes.x = at[0]
            attributes.y = at[1]
          }
          return attributes
        },
        { attributes: ['x', 'y'] },
      )
    },
    [graph, view, loners],
  )
  const ringsRef = useRef(rings)
  useEffect(() => {
    ringsRef.current = rings
  }, [rings])
  const onPositions = useCallback(
    (positions: Positions) => {
      free.current = positions
      // The graph was built at the start positions: drawing them again would cost a frame.
      if (positions !== initial) draw(positions, ringsRef.current)
    },
    [draw, initial],
  )
  const save = useCallback(
    async (positions: Record<string, [number, number]>) => {
      try {
        await api['map.savePositions']({ positions })
        setSaveError(false)
      } catch {
        setSaveError(true)
      }
    },
    [api],
  )
  const { status, relayout } = useMapLayout(view, start, initial, onPositions, save)
  const contactSearch = useContactSearchOptions(
    contactKey,
    labelOf,
    selected?.startsWith('contact:') ? selected : null,
  )

  const visible = useMemo(() => {
    const base = visibleNodes(view, neighbours, filters, now)
    if (ego > 0 && selected && base.has(selected)) return egoNodes(neighbours, selected, ego, base)
    if (pair) for (const key of pair) base.add(key)
    return base
  }, [view, neighbours, filters, ego, selected, pair, now])

  const highlight: Highlight = useMemo(
    () => ({
      visible,
      colours,
      selected,
      path: path && path.forKey === selected ? path.result.steps.map((s) => s.key) : (pair ?? []),
    }),
    [visible, colours, selected, path, pair],
  )

  const select = (key: string | null, zoom = false) => {
    setSelected(key)
    setPair(null)
    if (!key) setEgo(0)
    if (key) setTab('person')
    if (key && zoom) setFocus({ key, at: Date.now() })
  }

  const reach = async () => {
    if (!selected?.startsWith('contact:')) return
    try {
      const result = await api['map.path']({ contactId: selected.slice('contact:'.length) })
      setPath({ forKey: selected, result })
    } catch (caught) {
      setPath(null)
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    }
  }

  const people = view.nodes.filter((n) => n.kind === 'contact')
  const shownPeople = people.filter((n) => visible.has(n.key)).length
  const selectedNode = selected ? (byKey.get(selected) ?? null) : null

  return (
    <Box
      onKeyDown={(e) => {
        if (e.key === 'Escape') select(null)
      }}
    >
      <Group gap="sm" mb="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('map.search')}
          placeholder={t('map.searchPlaceholder')}
          data={contactSearch.data}
          value={selected?.startsWith('contact:') ? selected : null}
          onChange={(key) => select(key, true)}
          onSearchChange={contactSearch.onSearchChange}
          filter={contactSearch.filter}
          searchable
          clearable
          nothingFoundMessage={t('map.noMatch')}
          w={220}
          size="xs"
        />
        <Box>
          <Text size="xs" fw={500} mb={2}>
            {t('map.colourBy')}
          </Text>
          <SegmentedControl
            size="xs"
            value={colourBy}
            onChange={(v) => setColourBy(v as ColourBy)}
            data={(['tier', 'ecosystem', 'cluster', 'community'] as const).map((v) => ({
              value: v,
              label: t(`map.colour.${v}`),
            }))}
            aria-label={t('map.colourBy')}
          />
        </Box>
        <Box>
          <Text size="xs" fw={500} mb={2}>
            {t('map.view')}
          </Text>
          <SegmentedControl
            size="xs"
            value={rings ? 'rings' : 'free'}
            onChange={(v) => {
              setRings(v === 'rings')
              draw(free.current, v === 'rings')
            }}
            data={[
              { value: 'rings', label: t('map.viewRings') },
              { value: 'free', label: t('map.viewFree') },
            ]}
            aria-label={t('map.view')}
          />
        </Box>
        <Tooltip label={t('map.relayoutHint')}>
          <Button
            size="xs"
            variant="default"
            onClick={relayout}
            loading={status.state === 'laying'}
          >
            {t('map.relayout')}
          </Button>
        </Tooltip>
      </Group>
      <Group gap="xs" mb={4}>
        <Text size="sm" data-testid="map-stats" data-people={people.length}>
          {t('map.stats', { count: people.length, links: view.edges.length })}
          {(filtersActive(filters) || ego > 0) &&
            ` · ${t('map.shownOf', { shown: shownPeople, total: people.length })}`}
        </Text>
        <Text
          size="xs"
          c="dimmed"
          data-testid="map-layout"
          data-state={status.state}
          data-ms={status.ms ?? ''}
          data-iterations={status.iterations}
          data-converged={String(status.converged)}
        >
          {status.state === 'laying' && (
            <>
              <Loader size={10} mr={4} />
              {t('map.laying')}
            </>
          )}
          {status.state === 'stable' &&
            status.ms !== null &&
            t('map.layoutDone', { ms: status.ms, iterations: status.iterations })}
          {status.state === 'failed' && t('map.layoutFailed', { message: status.error ?? '' })}
        </Text>
      </Group>
      {saveError && (
        <Alert color="orange" variant="light" mb="xs">
          {t('map.savedFailed')}
        </Alert>
      )}
      {people.length < 5 && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('map.tinyNote')}
        </Text>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder h={620} pos="relative" style={{ overflow: 'hidden' }}>
            {canDraw ? (
              <MapCanvas
                graph={graph}
                {...(linksOf ? { linksOf } : {})}
                highlight={highlight}
                ranks={ranks}
                rings={rings}
                focus={focus}
                onSelect={(key) => select(key)}
                label={t('map.title')}
              />
            ) : (
              <Alert color="orange" m="md">
                {t('map.webglMissing')}
              </Alert>
            )}
          </Paper>
          <MapLegend by={colourBy} clusterCount={view.clusterCount} communities={communities} />
          {rings && (
            <Text size="xs" c="dimmed" px={4}>
              {t('map.ringsNote')}
            </Text>
          )}
          {crowded && (
            <Text size="xs" c="dimmed" px={4}>
              {t('map.linksOnSelect')}
            </Text>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Tabs
            value={tab}
            onChange={setTab}
            keepMounted={false}
            styles={{ tab: { padding: '8px 8px', fontSize: 13 } }}
          >
            <Tabs.List>
              <Tabs.Tab value="person">{t('map.tabs.person')}</Tabs.Tab>
              <Tabs.Tab value="filters">{t('map.filters')}</Tabs.Tab>
              <Tabs.Tab value="introductions">{t('map.tabs.introductions')}</Tabs.Tab>
              <Tabs.Tab value="balance">{t('map.tabs.balance')}</Tabs.Tab>
            </Tabs.List>
            <Box pt="sm" mah={600} style={{ overflowY: 'auto' }}>
              <Tabs.Panel value="person">
                <PersonPanel
                  node={selectedNode}
                  links={selected ? (neighbours.get(selected)?.size ?? 0) : 0}
                  ego={ego}
                  onEgo={setEgo}
                  path={path && path.forKey === selected ? path.result : null}
                  onReach={() => void reach()}
                  onClearPath={() => setPath(null)}
                  onFilterTo={(key) => {
                    setFilters({
                      ...filters,
                      ...(key.startsWith('event:') ? { event: key } : { community: key }),
                    })
                    setTab('filters')
                  }}
                />
              </Tabs.Panel>
              <Tabs.Panel value="filters">
                <FiltersPanel nodes={view.nodes} filters={filters} onChange={setFilters} />
              </Tabs.Panel>
              <Tabs.Panel value="introductions">
                <IntroductionsPanel
                  onShowPair={(a, b) => {
                    setSelected(null)
                    setPair([a, b])
                  }}
                />
              </Tabs.Panel>
              <Tabs.Panel value="balance">
                <BalancePanel />
              </Tabs.Panel>
            </Box>
          </Tabs>
        </Grid.Col>
      </Grid>
    </Box>
  )
}
