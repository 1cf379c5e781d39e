import { Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFollowUpTitle } from './useFollowUpTitle'
import { useNavigate } from 'react-router-dom'
import type { FollowUpView, HabitRate } from '../../../shared/contract'
import type { FollowUp } from '../../../shared/model'
import { useApi } from '../api/ApiContext'
import { CalendarExportModal } from '../calendar/CalendarExportModal'
import { errorText } from '../api/errorText'
import { FollowUpItem, type FollowUpActions } from './FollowUpItem'
import { formatDateTime } from '../format/formatDate'
import { PageHeader } from '../ui/PageHeader'
import { QueryError } from '../ui/QueryError'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'
import { VirtualStack } from '../lists/VirtualStack'

// Its own chunk, loaded when opened: the first screen stays small.
const CalendarImportModal = lazy(() =>
  import('../calendar/CalendarImportModal').then((m) => ({
    default: m.CalendarImportModal,
  })),
)

/** Above this many follow-ups a section is virtualised. */
const VIRTUAL_FROM = 40
/** Long enough to read the toast and reach its Undo button. */
const UNDO_TOAST_MS = 10_000

const percent = (rate: HabitRate) =>
  rate.share === null ? '—' : `${Math.round(rate.share * 100)}%`

export function TodayPage() {
  const { t, i18n } = useTranslation()
  // Titles Rapport generated are worded in the interface language, in the toasts too.
  const titleOf = useFollowUpTitle()
  const api = useApi()
  const overview = useQuery({
    queryKey: queryKeys.overview(),
    queryFn: () => api['overview.get']({}),
  })
  const queue = useQuery({ queryKey: queryKeys.queue(), queryFn: () => api['followUps.queue']({}) })
  const [exporting, setExporting] = useState(false)
  const [importingMeetings, setImportingMeetings] = useState(false)
  // Done and dropped follow-ups leave the queue at once; the change event's refresh confirms it.
  const [gone, setGone] = useState<ReadonlySet<string>>(() => new Set())
  // The follow-up that takes the focus when the focused one leaves, so D/S/X keep working.
  const focusNext = useRef<string | null>(null)
  const hide = (id: string) => {
    const all = [...document.querySelectorAll<HTMLElement>('[data-followup]')]
    const at = all.findIndex((el) => el.dataset.followup === id)
    // Its own focus (or its popover's) would otherwise fall back to the page's start.
    if (at >= 0) focusNext.current = (all[at + 1] ?? all[at - 1])?.dataset.followup ?? null
    setGone((g) => new Set(g).add(id))
  }
  useEffect(() => {
    const id = focusNext.current
    if (!id) return
    focusNext.current = null
    document.querySelector<HTMLElement>(`[data-followup="${CSS.escape(id)}"]`)?.focus()
  }, [gone])
  const unhide = (id: string) => setGone((g) => new Set([...g].filter((other) => other !== id)))
  const navigate = useNavigate()

  const retry = () => void Promise.all([queue.refetch(), overview.refetch()])
  const fail = (caught: unknown) =>
    notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
  const withUndo = (message: string, item: FollowUpView) => {
    const id = notifications.show({
      autoClose: UNDO_TOAST_MS,
      message: (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{message}</Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              notifications.hide(id)
              unhide(item.id)
              void api['followUps.reopen']({ id: item.id }).catch(fail)
            }}
          >
            {t('common.undo')}
          </Button>
        </Group>
      ),
    })
  }
  const run = async (
    action: () => Promise<FollowUp>,
    after: (f: FollowUp) => void,
    leaving?: FollowUpView,
  ) => {
    if (leaving) hide(leaving.id)
    try {
      after(await action())
    } catch (caught) {
      if (leaving) unhide(leaving.id)
      fail(caught)
    }
  }
  const actions: FollowUpActions = {
    complete: (item, channel, note) =>
      void run(
        () => api['followUps.complete']({ id: item.id, channel, note }),
        () => withUndo(t('queue.doneToast', { title: titleOf(item) }), item),
        item,
      ),
    snooze: (item, choice) =>
      void run(
        () => api['followUps.snooze']({ id: item.id, choice }),
        (f) =>
          notifications.show({
            message: t('queue.snoozedToast', {
              when: formatDateTime(f.snoozedUntil ?? f.dueAt, i18n.language),
            }),
          }),
      ),
    reschedule: (item, dueAt) =>
      void run(
        () => api['followUps.reschedule']({ id: item.id, dueAt }),
        (f) =>
          notifications.show({
            message: t('queue.movedToast', { when: formatDateTime(f.dueAt, i18n.language) }),
          }),
      ),
    drop: (item) =>
      void run(
        () => api['followUps.drop']({ id: item.id }),
        () => withUndo(t('queue.droppedToast', { title: titleOf(item) }), item),
        item,
      ),
  }

  const error = overview.error ?? queue.error
  if (error) return <QueryError error={error} onRetry={retry} />
  if (!overview.data || !queue.data) return <Loader />
  const { habits } = queue.data

  const section = (
    title: string,
    all: FollowUpView[],
    empty: string,
    tone: 'red' | 'orange' | 'gray',
  ) => {
    const items = all.filter((item) => !gone.has(item.id))
    return (
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {items.length}
          </Text>
        </Group>
        {items.length > VIRTUAL_FROM ? (
          // Thousands of open follow-ups: only those on screen are in the page.
          <VirtualStack
            items={items}
            keyOf={(item) => item.id}
            estimate={64}
            maxHeight="70vh"
            gap={10}
            renderItem={(item) => <FollowUpItem item={item} actions={actions} tone={tone} />}
          />
        ) : (
          <Stack gap="xs">
            {items.length === 0 && (
              <Text size="sm" c="dimmed">
                {empty}
              </Text>
            )}
            {items.map((item) => (
              <FollowUpItem key={item.id} item={item} actions={actions} tone={tone} />
            ))}
          </Stack>
        )}
      </Card>
    )
  }

  return (
    <Stack>
      <PageHeader
        title={t('today.title')}
        subtitle={t('today.subtitle')}
        actions={
          <Group gap={6}>
            <Button size="xs" onClick={() => navigate('/capture')}>
              {t('capture.title')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setExporting(true)}>
              {t('queue.exportCalendar')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setImportingMeetings(true)}>
              {t('calendarImport.open')}
            </Button>
          </Group>
        }
      />
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {[
          { label: `${t('queue.habits')} · ${t('queue.last30')}`, rate: habits.last30 },
          { label: `${t('queue.habits')} · ${t('queue.last90')}`, rate: habits.last90 },
        ].map(({ label, rate }) => (
          <Card withBorder key={label}>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text fz={28} fw={700}>
              {percent(rate)}
            </Text>
            <Text size="xs" c="dimmed">
              {rate.done === 0
                ? t('today.noRateYet')
                : t('queue.rateDetail', { within: rate.within24h, done: rate.done })}
            </Text>
          </Card>
        ))}
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('today.openFollowUps')}
          </Text>
          <Text fz={28} fw={700}>
            {overview.data.counts.openFollowUps}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('today.nextEvent')}
          </Text>
          {overview.data.nextEvent ? (
            <Text fw={600} size="sm">
              {overview.data.nextEvent.name} ·{' '}
              {formatDateTime(
                overview.data.nextEvent.startsAt,
                i18n.language,
                overview.data.nextEvent.timeZone,
              )}
            </Text>
          ) : (
            <Text size="sm">{t('today.noNextEvent')}</Text>
          )}
        </Card>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('queue.keys')}
      </Text>
      {section(t('today.overdue'), queue.data.overdue, t('today.nothingOverdue'), 'red')}
      {section(t('queue.next24h'), queue.data.next24h, t('queue.nothingNext24h'), 'orange')}
      {section(t('today.upcoming'), queue.data.upcoming, t('today.nothingUpcoming'), 'gray')}
      {habits.byEvent.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('queue.byEvent')}
          </Title>
          <Table>
            <Table.Tbody>
              {habits.byEvent.map((e) => (
                <Table.Tr key={e.eventId}>
                  <Table.Td>{e.name}</Table.Td>
                  <Table.Td>{percent(e.rate)}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {t('queue.rateDetail', { within: e.rate.within24h, done: e.rate.done })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <CalendarExportModal opened={exporting} onClose={() => setExporting(false)} />
      {importingMeetings && (
        <Suspense fallback={null}>
          <CalendarImportModal opened onClose={() => setImportingMeetings(false)} />
        </Suspense>
      )}
    </Stack>
  )
}
