import { Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import type { GatheringTable } from '../../../shared/model'
import { useApi } from '../api/ApiContext'
import { formatDateTime } from '../format/formatDate'
import { QueryError } from '../ui/QueryError'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'
import { usePersonName } from './usePersonName'

/** On paper only the plan and the cards: the app's navigation and buttons stay on screen. */
const PRINT_CSS = `
@media print {
  .mantine-AppShell-navbar, .no-print { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; margin: 0 !important; }
  :root { --app-shell-navbar-offset: 0px !important; }
  .place-card { break-inside: avoid; }
  .table-plan { break-inside: avoid; }
}
.place-cards { display: grid; grid-template-columns: repeat(2, 1fr); gap: 8px; }
.place-card { border: 1px dashed #999; height: 5cm; display: flex; flex-direction: column; }
.place-card > div { flex: 1; display: flex; align-items: center; justify-content: center; font-size: 22pt; }
/* A folded tent card: the far half is the same name upside down, as large, for the guest opposite. */
.place-card > div:first-child { transform: rotate(180deg); border-bottom: 1px dotted #ccc; }
.plan-row { display: grid; gap: 4px; }
.plan-seat { border: 1px solid #888; border-radius: 4px; padding: 4px; font-size: 10pt; text-align: center; min-height: 2.2em; }
`

function rows(table: GatheringTable): number[][] {
  if (table.shape === 'round') return [Array.from({ length: table.seats }, (_, i) => i + 1)]
  const n = table.seatsPerSide
  return [
    Array.from({ length: n }, (_, i) => i + 1),
    Array.from({ length: n }, (_, i) => n + i + 1),
  ]
}

/** Table plans and fold-in-half place cards, laid out for printing. */
export function PrintPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const api = useApi()
  const { data, error, refetch } = useQuery({
    queryKey: queryKeys.gathering(id),
    queryFn: () => api['gatherings.view']({ id }),
  })
  const name = usePersonName(data?.names ?? {})
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />
  if (!data) return <Loader />
  const g = data.gathering
  const at = (table: number, seat: number) =>
    g.seating.find((s) => s.table === table && s.seat === seat)?.personId
  return (
    <Stack>
      <style>{PRINT_CSS}</style>
      <Group className="no-print" justify="space-between">
        <Anchor component={Link} to={`/communities/gatherings/${g.id}`} size="sm">
          ← {g.title}
        </Anchor>
        <Button onClick={() => window.print()}>{t('communities.print.print')}</Button>
      </Group>
      <Title order={1} size="h3">
        {g.title}
      </Title>
      <Text size="sm">
        {formatDateTime(g.startsAt, i18n.language, g.timeZone)}
        {g.venue ? ` · ${g.venue}` : ''}
      </Text>
      {g.seating.length === 0 && <Text c="dimmed">{t('communities.print.noSeating')}</Text>}
      {g.tables.map((table, index) => (
        <div className="table-plan" key={index}>
          <Text fw={600} size="sm" mb={4}>
            {t('communities.tables.label', { n: index + 1 })}
          </Text>
          {rows(table).map((row, r) => (
            <div
              key={r}
              className="plan-row"
              style={{ gridTemplateColumns: `repeat(${row.length}, 1fr)`, marginBottom: 4 }}
            >
              {row.map((seat) => {
                const person = at(index + 1, seat)
                return (
                  <div className="plan-seat" key={seat}>
                    <div style={{ fontSize: '8pt', color: '#777' }}>{seat}</div>
                    {person ? name(person) : ''}
                  </div>
                )
              })}
            </div>
          ))}
        </div>
      ))}
      <Title order={2} size="h4" mt="md">
        {t('communities.print.placeCards')}
      </Title>
      <div className="place-cards" data-testid="place-cards">
        {g.seating.map((s) => (
          <div className="place-card" key={s.personId}>
            <div>{name(s.personId)}</div>
            <div>{name(s.personId)}</div>
          </div>
        ))}
      </div>
    </Stack>
  )
}
