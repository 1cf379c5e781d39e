import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Stack,
  Tabs,
  Text,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { RapportError } from '../../../shared/errors'
import { useApi } from '../api/ApiContext'
import { DeleteWithUndo } from '../ui/DeleteWithUndo'
import { formatDateTime, formatTimeZone } from '../format/formatDate'
import { PageHeader } from '../ui/PageHeader'
import { QueryError } from '../ui/QueryError'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'
import { AfterPanel } from './AfterPanel'
import { checklistKnownDone } from '../../../shared/events/eventChecklist'
import { ChecklistPanel } from './ChecklistPanel'
import { EventEditor } from './EventEditor'
import { PeoplePanel } from './PeoplePanel'
import { RadarPanel } from './RadarPanel'
import { TargetsPanel } from './TargetsPanel'
import { WorthIt } from './WorthIt'

const TABS = ['plan', 'people', 'targets', 'checklist', 'radar', 'after'] as const

/** One event, before, during and after. */
export function EventPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const api = useApi()
  const navigate = useNavigate()
  const [search, setSearch] = useSearchParams()
  const tab = TABS.find((x) => x === search.get('tab')) ?? 'plan'
  const { data, error, refetch } = useQuery({
    queryKey: queryKeys.event(id),
    queryFn: () => api['events.get']({ id }),
  })
  if (error) {
    if (error instanceof RapportError && error.code === 'NOT_FOUND')
      return (
        <Stack>
          <Text>{t('events.notFound')}</Text>
          <Anchor component={Link} to="/events">
            ← {t('events.back')}
          </Anchor>
        </Stack>
      )
    return <QueryError error={error} onRetry={() => void refetch()} />
  }
  if (!data || data.event.id !== id)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    )
  const { event } = data
  const names = Object.fromEntries(Object.values(data.contacts).map((c) => [c.id, c.name]))
  // The panels chain edits on the event as shown (checklist ticks, target ranks): read it at
  // once rather than wait for the change event.
  const reloadAll = () => void refetch()
  return (
    <Stack>
      <Anchor component={Link} to="/events" size="sm">
        ← {t('events.back')}
      </Anchor>
      <PageHeader
        title={event.name}
        subtitle={[
          formatDateTime(event.startsAt, i18n.language, event.timeZone),
          formatTimeZone(event.timeZone, i18n.language, event.startsAt),
          event.venue,
          event.city,
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          <Group gap="xs" wrap="nowrap">
            <DeleteWithUndo
              label={t('removal.deleteEvent')}
              name={event.name}
              consequence={t('removal.event')}
              remove={() => api['events.delete']({ id: event.id })}
              restore={({ undoToken }) => api['events.restore']({ undoToken })}
              leaveTo={() => navigate('/events')}
              backTo={() => navigate(`/events/${event.id}`)}
            />
            <Button variant="default" component={Link} to={`/events/${event.id}/dossier`}>
              {t('events.dossier.open')}
            </Button>
            <Button onClick={() => navigate(`/capture?event=${event.id}`)}>
              {t('events.captureButton')}
            </Button>
          </Group>
        }
      />
      {data.fit === 'mismatch' && (
        <Alert color="yellow" title={t('events.fit.title')}>
          {t('events.fit.body')}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) => setSearch(value ? { tab: value } : {}, { replace: true })}
      >
        <Tabs.List>
          <Tabs.Tab value="plan">{t('events.tabs.plan')}</Tabs.Tab>
          <Tabs.Tab value="people">
            {t('events.tabs.people')}{' '}
            <Badge size="xs" variant="light">
              {event.people.length}
            </Badge>
          </Tabs.Tab>
          <Tabs.Tab value="targets">
            {t('events.tabs.targets')}{' '}
            <Badge size="xs" variant="light" color={data.targets.length >= 10 ? 'teal' : 'yellow'}>
              {Math.min(data.targets.length, 10)} / 10
            </Badge>
          </Tabs.Tab>
          <Tabs.Tab value="checklist">{t('events.tabs.checklist')}</Tabs.Tab>
          <Tabs.Tab value="radar">{t('events.tabs.radar')}</Tabs.Tab>
          <Tabs.Tab value="after">{t('events.tabs.after')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="plan" pt="md">
          <Stack>
            <Card withBorder>
              <WorthIt worthIt={data.worthIt} />
            </Card>
            <Card withBorder>
              <EventEditor
                key={event.id}
                event={event}
                names={names}
                suggestions={data.helperSuggestions}
                onSaved={reloadAll}
              />
            </Card>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="md">
          {tab === 'people' && <PeoplePanel view={data} onChange={reloadAll} />}
        </Tabs.Panel>
        <Tabs.Panel value="targets" pt="md">
          {tab === 'targets' && <TargetsPanel view={data} onChange={reloadAll} />}
        </Tabs.Panel>
        <Tabs.Panel value="checklist" pt="md">
          {tab === 'checklist' && (
            <ChecklistPanel
              event={event}
              knownDone={checklistKnownDone({
                targets: data.targets.length,
                followedUpWithin24h: data.followedUpWithin24h,
              })}
              onChange={reloadAll}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="radar" pt="md">
          {tab === 'radar' && <RadarPanel view={data} />}
        </Tabs.Panel>
        <Tabs.Panel value="after" pt="md">
          {tab === 'after' && <AfterPanel view={data} />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
