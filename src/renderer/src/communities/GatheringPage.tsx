import { Anchor, Button, Grid, Group, Loader, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router-dom'
import type { GatheringView } from '../../../shared/communities/communityOperations'
import { useApi } from '../api/ApiContext'
import { Panel } from '../ui/Panel'
import { DeleteWithUndo } from '../ui/DeleteWithUndo'
import { formatDateTime, formatTimeZone } from '../format/formatDate'
import { PageHeader } from '../ui/PageHeader'
import { QueryError } from '../ui/QueryError'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'
import { BillPanel } from './BillPanel'
import { DetailsForm, GuestList, TablesEditor } from './GatheringDetails'
import { OutcomesPanel } from './OutcomesPanel'
import { SeatingPlanner } from './SeatingPlanner'
import { SizeNotes } from './SizeNotes'

export function GatheringPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const api = useApi()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const query = useQuery({
    queryKey: queryKeys.gathering(id),
    queryFn: () => api['gatherings.view']({ id }),
  })
  // Every change answers the fresh view, so the page shows it without another round trip; a
  // read still on its way started before the change and would bring the older view.
  const setView = (fresh: GatheringView) => {
    const key = queryKeys.gathering(fresh.gathering.id)
    void queryClient.cancelQueries({ queryKey: key })
    queryClient.setQueryData(key, fresh)
  }
  const view = query.data
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />
  if (!view) return <Loader />
  const g = view.gathering
  const stamp = g.updatedAt
  return (
    <Stack>
      {g.communityId ? (
        <Anchor component={Link} to={`/communities/${g.communityId}`} size="sm">
          ← {view.communityName}
        </Anchor>
      ) : (
        <Anchor component={Link} to="/communities" size="sm">
          ← {t('communities.title')}
        </Anchor>
      )}
      <PageHeader
        title={g.title}
        subtitle={`${formatDateTime(g.startsAt, i18n.language, g.timeZone)} · ${formatTimeZone(g.timeZone, i18n.language, g.startsAt)}${g.venue ? ` · ${g.venue}` : ''}`}
        actions={
          <Group>
            <DeleteWithUndo
              label={t('removal.deleteGathering')}
              name={g.title}
              consequence={t('removal.gathering')}
              remove={() => api['gatherings.delete']({ id: g.id })}
              restore={({ undoToken }) => api['gatherings.restore']({ undoToken })}
              leaveTo={() =>
                navigate(g.communityId ? `/communities/${g.communityId}` : '/communities')
              }
              backTo={() => navigate(`/communities/gatherings/${g.id}`)}
            />
            <Button component={Link} to={`/communities/gatherings/${g.id}/print`} variant="default">
              {t('communities.print.open')}
            </Button>
          </Group>
        }
      />
      <SizeNotes view={view} onView={setView} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, xl: 8 }}>
          <Stack>
            <Panel title={t('communities.seating.title')}>
              <SeatingPlanner view={view} onView={setView} />
            </Panel>
            <Panel title={t('communities.outcomes.title')}>
              <OutcomesPanel key={`o-${stamp}`} view={view} onView={setView} />
            </Panel>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 4 }}>
          <Stack>
            <Panel title={t('communities.guests.title')}>
              <GuestList view={view} onView={setView} />
            </Panel>
            <Panel title={t('communities.tables.title')}>
              <TablesEditor key={JSON.stringify(g.tables)} view={view} onView={setView} />
            </Panel>
            <Panel title={t('communities.bill.title')}>
              <BillPanel
                key={`b-${JSON.stringify(g.bill)}-${g.currency ?? ''}`}
                view={view}
                onView={setView}
              />
            </Panel>
            <Panel title={t('communities.gathering.details')}>
              <DetailsForm
                key={`d-${g.title}-${g.startsAt}-${g.timeZone}`}
                view={view}
                onView={setView}
              />
            </Panel>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
