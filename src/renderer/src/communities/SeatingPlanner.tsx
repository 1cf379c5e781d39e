import {
  Alert,
  Badge,
  Button,
  Group,
  Select,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  GatheringView,
  SeatingPairView,
} from '../../../shared/communities/communityOperations'
import { ME_ID, type GatheringTable } from '../../../shared/model'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'
import { usePersonName } from './usePersonName'

interface SeatRef {
  table: number
  seat: number
}
const same = (a: SeatRef | null, b: SeatRef) => a?.table === b.table && a.seat === b.seat

/** The seats of a long table as two facing rows (seat i faces n+i); a round table in one row. */
function rowsOf(table: GatheringTable): number[][] {
  if (table.shape === 'round') return [Array.from({ length: table.seats }, (_, i) => i + 1)]
  const n = table.seatsPerSide
  return [
    Array.from({ length: n }, (_, i) => i + 1),
    Array.from({ length: n }, (_, i) => n + i + 1),
  ]
}

/**
 * The table plan: pick a seat, then another, to swap them (or drag one onto another). The score
 * and every neighbour pair's reason follow each change; a swap can be undone.
 */
export function SeatingPlanner(props: { view: GatheringView; onView: (v: GatheringView) => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const { gathering, seating } = props.view
  const name = usePersonName(props.view.names)
  const [picked, setPicked] = useState<SeatRef | null>(null)
  const [busy, setBusy] = useState(false)
  const fail = (caught: unknown) =>
    notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
  const who = (ref: SeatRef) =>
    gathering.seating.find((s) => s.table === ref.table && s.seat === ref.seat)?.personId

  const plan = async () => {
    setBusy(true)
    try {
      props.onView(await api['gatherings.planSeating']({ id: gathering.id }))
      setPicked(null)
    } catch (caught) {
      fail(caught)
    } finally {
      setBusy(false)
    }
  }

  const swap = async (from: SeatRef, to: SeatRef, undoable = true) => {
    setPicked(null)
    try {
      const before = seating.score
      const next = await api['gatherings.swapSeats']({ id: gathering.id, from, to })
      props.onView(next)
      if (!undoable) return
      const id = `seat-swap-${crypto.randomUUID()}`
      notifications.show({
        id,
        message: (
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">
              {t('communities.seating.swapped', { before, after: next.seating.score })}
            </Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => {
                notifications.hide(id)
                void swap(to, from, false)
              }}
            >
              {t('common.undo')}
            </Button>
          </Group>
        ),
      })
    } catch (caught) {
      fail(caught)
    }
  }

  const choose = (ref: SeatRef) => {
    if (!picked) {
      if (who(ref)) setPicked(ref)
    } else if (same(picked, ref)) setPicked(null)
    else void swap(picked, ref)
  }

  const hasSeating = gathering.seating.length > 0
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Button onClick={() => void plan()} loading={busy}>
            {hasSeating ? t('communities.seating.replan') : t('communities.seating.plan')}
          </Button>
          {hasSeating && (
            <Badge size="lg" variant="light" data-testid="seating-score">
              {t('communities.seating.score', { score: seating.score })}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" maw={420}>
          {t('communities.seating.how')}
        </Text>
      </Group>
      {seating.brokenConstraints > 0 && hasSeating && (
        <Alert color="orange" variant="light">
          {t('communities.seating.broken', { count: seating.brokenConstraints })}
        </Alert>
      )}
      {seating.unseated.length > 0 && hasSeating && (
        <Alert color="yellow" variant="light">
          {t('communities.seating.unseated', {
            names: seating.unseated.map(name).join(t('common.listSeparator')),
          })}
        </Alert>
      )}
      {picked && (
        <Text size="sm" c="teal" role="status">
          {t('communities.seating.picked', { name: name(who(picked) ?? '') })}
        </Text>
      )}
      {gathering.tables.map((table, index) => (
        <Stack key={index} gap={4}>
          <Text size="sm" fw={600}>
            {t('communities.tables.label', { n: index + 1 })} ·{' '}
            {table.shape === 'long'
              ? t('communities.tables.long', { count: table.seatsPerSide })
              : t('communities.tables.round', { count: table.seats })}
          </Text>
          <div
            style={{
              display: 'inline-flex',
              flexDirection: 'column',
              gap: 4,
              padding: 8,
              borderRadius: 8,
              background: 'var(--mantine-color-gray-1)',
              alignSelf: 'flex-start',
              maxWidth: '100%',
              overflowX: 'auto',
            }}
          >
            {rowsOf(table).map((row, r) => (
              <Group key={r} gap={4} wrap="nowrap">
                {row.map((seat) => {
                  const ref = { table: index + 1, seat }
                  const person = who(ref)
                  const label = person ? name(person) : t('communities.seating.empty')
                  return (
                    <Button
                      key={seat}
                      size="xs"
                      w={96}
                      px={4}
                      variant={
                        same(picked, ref) ? 'filled' : person === ME_ID ? 'light' : 'default'
                      }
                      color={person === ME_ID ? 'grape' : undefined}
                      aria-pressed={same(picked, ref)}
                      aria-label={t('communities.seating.seatLabel', {
                        table: index + 1,
                        seat,
                        name: label,
                      })}
                      draggable={Boolean(person)}
                      onDragStart={(e) =>
                        e.dataTransfer.setData('text/plain', `${ref.table}:${seat}`)
                      }
                      onDragOver={(e) => e.preventDefault()}
                      onDrop={(e) => {
                        e.preventDefault()
                        const [ft, fs] = e.dataTransfer.getData('text/plain').split(':').map(Number)
                        if (ft && fs && !(ft === ref.table && fs === seat))
                          void swap({ table: ft, seat: fs }, ref)
                      }}
                      onClick={() => choose(ref)}
                      styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
                      title={`${seat} · ${label}`}
                    >
                      {person ? label : '·'}
                    </Button>
                  )
                })}
              </Group>
            ))}
          </div>
        </Stack>
      ))}
      {hasSeating && <PairTable pairs={seating.pairs} name={name} />}
      <Constraints view={props.view} onView={props.onView} name={name} />
    </Stack>
  )
}

function PairTable(props: { pairs: SeatingPairView[]; name: (id: string) => string }) {
  const { t } = useTranslation()
  const why = (p: SeatingPairView) => {
    if (p.known === 'host') return t('communities.seating.reason.host')
    if (p.known) return t(`communities.seating.reason.known.${p.known}`)
    const shared = [
      ...p.interests,
      ...p.tags.map((tag) => `#${tag}`),
      ...(p.ecosystem ? [t(`contacts.ecosystem.${p.ecosystem}`)] : []),
      ...p.communities,
    ]
    return shared.length === 0
      ? t('communities.seating.reason.new')
      : t('communities.seating.reason.newShared', {
          shared: shared.join(t('common.listSeparator')),
        })
  }
  const guestPairs = [...props.pairs].sort((a, b) => b.value - a.value)
  return (
    <Table striped withTableBorder aria-label={t('communities.seating.pairs')} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('communities.seating.pair')}</Table.Th>
          <Table.Th>{t('communities.seating.where')}</Table.Th>
          <Table.Th>{t('communities.seating.points')}</Table.Th>
          <Table.Th>{t('communities.seating.why')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {guestPairs.map((p) => (
          <Table.Tr key={`${p.a}-${p.b}-${p.kind}`}>
            <Table.Td>
              {props.name(p.a)} – {props.name(p.b)}
            </Table.Td>
            <Table.Td>{t(`communities.seating.kind.${p.kind}`)}</Table.Td>
            <Table.Td>{p.value}</Table.Td>
            <Table.Td>{why(p)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** Pairs who must sit together (a couple who only came together) or apart. */
function Constraints(props: {
  view: GatheringView
  onView: (v: GatheringView) => void
  name: (id: string) => string
}) {
  const { t } = useTranslation()
  const api = useApi()
  const { gathering } = props.view
  const [a, setA] = useState<string | null>(null)
  const [b, setB] = useState<string | null>(null)
  const [kind, setKind] = useState<'together' | 'apart'>('apart')
  const people = [
    ME_ID,
    ...gathering.attendees.filter((x) => x.rsvp !== 'no').map((x) => x.contactId),
  ]
  const options = people.map((id) => ({ value: id, label: props.name(id) }))
  const save = async (constraints: typeof gathering.constraints) => {
    try {
      props.onView(await api['gatherings.update']({ id: gathering.id, patch: { constraints } }))
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    }
  }
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('communities.constraints.title')}
      </Text>
      {gathering.constraints.map((c, i) => (
        <Group key={i} justify="space-between" wrap="nowrap">
          <Text size="sm">
            {t(`communities.constraints.${c.kind}`, { a: props.name(c.a), b: props.name(c.b) })}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            onClick={() => void save(gathering.constraints.filter((_, j) => j !== i))}
          >
            {t('common.delete')}
          </Button>
        </Group>
      ))}
      <Group gap="xs" align="flex-end">
        <Select
          size="xs"
          aria-label={t('communities.constraints.first')}
          placeholder={t('communities.constraints.first')}
          data={options}
          value={a}
          onChange={setA}
          searchable
        />
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={(v) => setKind(v as 'together' | 'apart')}
          data={[
            { value: 'apart', label: t('communities.constraints.apartShort') },
            { value: 'together', label: t('communities.constraints.togetherShort') },
          ]}
        />
        <Select
          size="xs"
          aria-label={t('communities.constraints.second')}
          placeholder={t('communities.constraints.second')}
          data={options.filter((o) => o.value !== a)}
          value={b}
          onChange={setB}
          searchable
        />
        <Button
          size="xs"
          variant="light"
          disabled={!a || !b || a === b}
          onClick={() => {
            if (!a || !b) return
            void save([...gathering.constraints, { a, b, kind }])
            setA(null)
            setB(null)
          }}
        >
          {t('communities.constraints.add')}
        </Button>
      </Group>
    </Stack>
  )
}
