import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  PasswordInput,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { RapportError } from '../../../shared/errors'
import type { SyncConflict, SyncLogEntry, SyncSettings } from '../../../shared/sync/syncModel'
import type { SyncDiscovery, SyncStatus } from '../../../shared/sync/syncOperations'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'
import type { syncEn } from './syncText'

type Reason = keyof typeof syncEn.reason

interface SyncData {
  status: SyncStatus
  log: SyncLogEntry[]
  conflicts: SyncConflict[]
}

/** Settings → Sync: server, collections, what and when, Sync now, the log and conflicts. */
export function SyncCard() {
  const api = useApi()
  const { data, refetch } = useQuery({
    queryKey: queryKeys.sync(),
    queryFn: async (): Promise<SyncData> => {
      const [status, log, conflicts] = await Promise.all([
        api['sync.status'](),
        api['sync.log']({ limit: 100 }),
        api['sync.conflicts'](),
      ])
      return { status, log, conflicts }
    },
  })
  // Read after each step here too: a test or a sync's progress is no saved change.
  const reload = useCallback(async () => {
    await refetch()
  }, [refetch])
  if (!data) return null
  return <SyncPanel data={data} reload={reload} />
}

function SyncPanel({ data, reload }: { data: SyncData; reload: () => Promise<void> }) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [running, setRunning] = useState(false)
  const status = { ...data.status, running: data.status.running || running }
  const { log, conflicts } = data
  const [draft, setDraft] = useState<SyncSettings>(data.status.settings)
  const [password, setPassword] = useState('')
  const [found, setFound] = useState<SyncDiscovery | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState<'test' | 'create' | null>(null)
  const refresh = reload

  const reasonText = (error: unknown): string => {
    if (error instanceof RapportError && error.code === 'REMOTE') {
      const reason = (error.details as { reason?: Reason } | undefined)?.reason
      if (reason) return t(`sync.reason.${reason}`)
    }
    return errorText(t, error)
  }

  // While a sync runs, show its progress.
  useEffect(() => {
    if (!status.running) return
    const timer = setInterval(() => void reload(), 500)
    return () => clearInterval(timer)
  }, [status.running, reload])

  const set = (patch: Partial<SyncSettings>) => setDraft({ ...draft, ...patch })

  const rememberPassword = async () => {
    if (password) await api['sync.setPassword']({ password })
  }
  const save = async (patch: Partial<SyncSettings> = draft) => {
    try {
      await rememberPassword()
      const saved = await api['sync.configure'](patch)
      setDraft(saved)
      await refresh()
      notifications.show({ color: 'teal', message: t('sync.saved') })
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: reasonText(caught) })
    }
  }
  const test = async () => {
    setBusy('test')
    setProblem(null)
    try {
      const result = await api['sync.testConnection']({
        serverUrl: draft.serverUrl,
        user: draft.user,
        ...(password ? { password } : {}),
      })
      setFound(result)
      await rememberPassword()
      const saved = await api['sync.configure']({ serverUrl: draft.serverUrl, user: draft.user })
      setDraft({ ...draft, ...saved, serverUrl: saved.serverUrl, user: saved.user })
      await refresh()
    } catch (caught) {
      setFound(null)
      setProblem(reasonText(caught))
    } finally {
      setBusy(null)
    }
  }
  const createRapport = async () => {
    setBusy('create')
    try {
      await rememberPassword()
      const saved = await api['sync.createCollections']({ addressBook: true, calendar: true })
      setDraft({ ...draft, addressBookUrl: saved.addressBookUrl, calendarUrl: saved.calendarUrl })
      setFound(await api['sync.listCollections']())
      await refresh()
    } catch (caught) {
      setProblem(reasonText(caught))
    } finally {
      setBusy(null)
    }
  }
  const syncNow = async () => {
    setProblem(null)
    setRunning(true)
    try {
      await api['sync.run']()
    } catch (caught) {
      setProblem(reasonText(caught))
    }
    setRunning(false)
    await refresh()
  }
  const resolve = async (id: string, take: 'phone' | 'rapport') => {
    try {
      await api['sync.resolveConflict']({ id, take })
      await refresh()
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    }
  }

  /** Undoes what a phone deletion did here: un-archive the contact, reopen the follow-up. */
  const undo = async (entry: SyncLogEntry) => {
    try {
      if (entry.kind === 'contact') {
        await api['contacts.update']({ id: entry.recordId!, patch: { archived: false } })
      } else {
        await api['followUps.reopen']({ id: entry.recordId! })
      }
      notifications.show({ color: 'teal', message: t('sync.undone') })
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    }
  }
  const time = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })
  const books = found?.addressBooks ?? []
  const calendars = found?.calendars ?? []
  const option = (url: string, name: string) => ({ value: url, label: name })
  const withCurrent = (list: { value: string; label: string }[], url: string) =>
    url && !list.some((o) => o.value === url)
      ? [...list, option(url, decodeURIComponent(url.replace(/\/$/, '').split('/').pop() ?? url))]
      : list
  const last = status.lastRun
  const lastText = !last
    ? t('sync.never')
    : last.action === 'failed'
      ? t('sync.lastFailed', {
          at: time(last.at),
          reason: t(`sync.reason.${(/^\[(\w+)\]/.exec(last.detail)?.[1] ?? 'server') as Reason}`),
        })
      : t('sync.lastOk', { at: time(last.at), summary: summaryOf(log, last.runId, t) })
  const changes = log.filter((e) => e.direction !== 'none')
  const value = (json: string) => {
    const parsed = JSON.parse(json) as unknown
    if (Array.isArray(parsed)) {
      return parsed
        .map((item) =>
          typeof item === 'object' && item && 'value' in item ? String(item.value) : String(item),
        )
        .join(i18n.language === 'zh-CN' ? '、' : ', ')
    }
    return String(parsed)
  }

  return (
    <Card withBorder data-testid="sync-card">
      <Title order={2} size="h4" mb="sm">
        {t('sync.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('sync.intro')}
        </Text>
        <TextInput
          label={t('sync.server')}
          placeholder={t('sync.serverHint')}
          value={draft.serverUrl}
          onChange={(e) => set({ serverUrl: e.currentTarget.value })}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('sync.user')}
            value={draft.user}
            onChange={(e) => set({ user: e.currentTarget.value })}
          />
          <PasswordInput
            label={t('sync.password')}
            description={status.hasPassword ? t('sync.passwordKept') : t('sync.passwordNone')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="off"
          />
        </Group>
        <Group>
          <Button
            variant="light"
            loading={busy === 'test'}
            disabled={!draft.serverUrl || !draft.user}
            onClick={() => void test()}
          >
            {t('sync.test')}
          </Button>
          {found && (
            <Text size="sm" c="teal" data-testid="sync-found">
              {t('sync.found', { books: books.length, calendars: calendars.length })}
            </Text>
          )}
        </Group>
        {problem && (
          <Alert color="red" data-testid="sync-problem">
            {problem}
          </Alert>
        )}
        <Group grow align="flex-end">
          <Select
            label={t('sync.addressBook')}
            data={withCurrent(
              [option('', t('sync.none')), ...books.map((b) => option(b.url, b.name))],
              draft.addressBookUrl,
            )}
            value={draft.addressBookUrl}
            onChange={(url) => set({ addressBookUrl: url ?? '' })}
            allowDeselect={false}
          />
          <Select
            label={t('sync.calendar')}
            data={withCurrent(
              [option('', t('sync.none')), ...calendars.map((c) => option(c.url, c.name))],
              draft.calendarUrl,
            )}
            value={draft.calendarUrl}
            onChange={(url) => set({ calendarUrl: url ?? '' })}
            allowDeselect={false}
          />
        </Group>
        <Group>
          <Button
            variant="default"
            loading={busy === 'create'}
            disabled={!status.settings.serverUrl}
            onClick={() => void createRapport()}
          >
            {t('sync.createRapport')}
          </Button>
        </Group>
        <Title order={3} size="h5">
          {t('sync.whatSyncs')}
        </Title>
        <SegmentedControl
          aria-label={t('sync.whatSyncs')}
          value={draft.scope}
          onChange={(scope) => set({ scope: scope as SyncSettings['scope'] })}
          data={(['active', 'golden', 'tags'] as const).map((scope) => ({
            value: scope,
            label: t(`sync.scope.${scope}`),
          }))}
        />
        {draft.scope === 'tags' && (
          <TagsInput label={t('sync.tags')} value={draft.tags} onChange={(tags) => set({ tags })} />
        )}
        <Group>
          {(['followUps', 'events', 'gatherings'] as const).map((key) => (
            <Checkbox
              key={key}
              label={t(`sync.${key}`)}
              checked={draft[key]}
              onChange={(e) => set({ [key]: e.currentTarget.checked })}
            />
          ))}
        </Group>
        <Checkbox
          label={t('sync.removeArchived')}
          checked={draft.removeArchivedFromPhone}
          onChange={(e) => set({ removeArchivedFromPhone: e.currentTarget.checked })}
        />
        <Title order={3} size="h5">
          {t('sync.when')}
        </Title>
        <SegmentedControl
          aria-label={t('sync.when')}
          value={draft.intervalMinutes === 0 ? 'manual' : 'every'}
          onChange={(mode) => set({ intervalMinutes: mode === 'manual' ? 0 : 15 })}
          data={[
            { value: 'manual', label: t('sync.manual') },
            {
              value: 'every',
              label: t('sync.every', { minutes: draft.intervalMinutes || 15 }),
            },
          ]}
        />
        {draft.intervalMinutes > 0 && (
          <Text size="xs" c="dimmed">
            {t('sync.everyNote')}
          </Text>
        )}
        {draft.intervalMinutes > 0 && (
          <NumberInput
            label={t('sync.interval')}
            min={1}
            max={1440}
            value={draft.intervalMinutes}
            onChange={(n) => set({ intervalMinutes: typeof n === 'number' ? n : 15 })}
            w={200}
          />
        )}
        <Switch
          label={t('sync.enabled')}
          description={t('sync.offNote')}
          checked={draft.enabled}
          onChange={(e) => set({ enabled: e.currentTarget.checked })}
        />
        <Group justify="space-between">
          <Button variant="default" onClick={() => void save()}>
            {t('sync.save')}
          </Button>
          <Group>
            {status.running && (
              <Button variant="subtle" onClick={() => void api['sync.cancel']()}>
                {t('sync.cancel')}
              </Button>
            )}
            <Button
              loading={status.running}
              disabled={!status.settings.serverUrl}
              onClick={() => void syncNow()}
            >
              {t('sync.syncNow')}
            </Button>
          </Group>
        </Group>
        {status.running && status.progress && status.progress.total > 0 && (
          <Stack gap={4}>
            <Progress value={(100 * status.progress.done) / status.progress.total} />
            <Text size="xs" c="dimmed">
              {t('sync.progress', status.progress)}
            </Text>
          </Stack>
        )}
        <Text size="sm" data-testid="sync-last">
          <b>{t('sync.lastResult')}</b> {lastText}
        </Text>
        <Title order={3} size="h5">
          {t('sync.conflicts')}
        </Title>
        {conflicts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('sync.conflictsNone')}
          </Text>
        ) : (
          <Stack gap="xs" data-testid="sync-conflicts">
            {conflicts.map((c) => (
              <Group key={c.id} justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {t('sync.conflictBody', {
                    name: c.label,
                    field: t(`sync.field.${c.field}` as 'sync.field.name', c.field),
                    rapport: value(c.rapportValue),
                    phone: value(c.phoneValue),
                  })}
                </Text>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" onClick={() => void resolve(c.id, 'phone')}>
                    {t('sync.takePhone')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => void resolve(c.id, 'rapport')}>
                    {t('sync.keepRapport')}
                  </Button>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
        <Title order={3} size="h5">
          {t('sync.log')}
        </Title>
        {changes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('sync.logEmpty')}
          </Text>
        ) : (
          <Table data-testid="sync-log" striped fz="sm">
            <Table.Tbody>
              {changes.slice(0, 20).map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{time(entry.at)}</Table.Td>
                  <Table.Td>
                    <Text
                      size="xs"
                      fw={600}
                      c={entry.direction === 'up' ? 'blue' : 'grape'}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {t(`sync.${entry.direction === 'up' ? 'up' : 'down'}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`sync.action.${entry.action}`)}</Table.Td>
                  <Table.Td>{entry.label}</Table.Td>
                  <Table.Td>
                    {entry.recordId &&
                      ((entry.action === 'archived' && entry.kind === 'contact') ||
                        (entry.action === 'dropped' && entry.kind === 'followUp')) && (
                        <Button size="compact-xs" variant="subtle" onClick={() => void undo(entry)}>
                          {t('sync.undo')}
                        </Button>
                      )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  )
}

function summaryOf(log: SyncLogEntry[], runId: string, t: TFunction): string {
  const entries = log.filter((e) => e.runId === runId && e.direction !== 'none')
  const count = (direction: 'up' | 'down') =>
    entries.filter((e) => e.direction === direction).length
  return `${t('sync.up')} ${count('up')} · ${t('sync.down')} ${count('down')}`
}
