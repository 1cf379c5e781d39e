import { Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RapportError } from '../../../shared/errors'
import type { RepairChange, SetAsideProblem, SetAsideRecord } from '../../../shared/store/setAside'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'
import type { TextKey } from '../i18n/textKey'

/** `t` with a plain signature (see StoreNotices: keys built at run time are still TextKeys). */
type PlainT = (key: TextKey, options?: Record<string, unknown>) => string

/** A field's name in the interface language: the top-level field names the card uses. */
export function fieldLabel(t: PlainT, path: string): string {
  const top = path.split('.')[0] ?? ''
  if (!top) return t('store.setAside.field.record')
  return t(`fieldNames.${top}` as TextKey, {
    defaultValue: t(`store.setAside.field.${top}` as TextKey, { defaultValue: top }),
  })
}

const listJoin = (language: string) => (language.startsWith('zh') ? '；' : '; ')

function problemsText(t: PlainT, language: string, problems: SetAsideProblem[]): string {
  // Two issues on one field (a list's items) read as one problem.
  const texts = problems.map((p) =>
    t(`store.setAside.problem.${p.kind}`, { field: fieldLabel(t, p.path) }),
  )
  return [...new Set(texts)].join(listJoin(language))
}

function changeText(t: PlainT, change: RepairChange): string {
  const field = fieldLabel(t, change.path)
  if (change.kind === 'cut')
    return t(change.keptInNotes ? 'store.setAside.change.cut' : 'store.setAside.change.cutAside', {
      field,
      length: change.length,
      limit: change.limit,
    })
  return t(`store.setAside.change.${change.kind}`, { field, from: change.from })
}

function recordName(t: PlainT, record: { name?: string; id?: string }): string {
  return record.name ?? record.id ?? t('store.setAside.unnamed')
}

/**
 * The records of a hand-edited data file that could not be loaded, each with its problems and
 * "Repair and load" / "Leave aside". Shown in the banner and in Settings while any are left.
 */
export function SetAsideRecords({ framed = false }: { framed?: boolean }) {
  const { t: translate, i18n } = useTranslation()
  const t = translate as PlainT
  const api = useApi()
  const { data, refetch } = useQuery({
    queryKey: queryKeys.setAside(),
    queryFn: () => api['store.listSetAside'](),
  })
  const [busy, setBusy] = useState<string | null>(null)
  if (!data || data.length === 0) return null

  const act = async (record: SetAsideRecord, action: 'repair' | 'leave') => {
    const name = recordName(t, record)
    setBusy(`${record.file}#${record.index}`)
    try {
      const key = { file: record.file, index: record.index }
      if (action === 'repair') {
        const result = await api['store.repairSetAside'](key)
        const note = `repaired-${record.file}-${record.index}`
        notifications.show({
          id: note,
          color: 'teal',
          autoClose: 10_000,
          message: (
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">
                {t('store.setAside.repaired', {
                  name,
                  changes: result.changes
                    .map((c) => changeText(t, c))
                    .join(listJoin(i18n.language)),
                })}
              </Text>
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => {
                  notifications.hide(note)
                  void api['store.undoRepairSetAside'](key).then(
                    () => refetch(),
                    (caught: unknown) =>
                      notifications.show({
                        color: 'red',
                        title: t('errors.title'),
                        message: errorText(translate, caught),
                      }),
                  )
                }}
              >
                {t('common.undo')}
              </Button>
            </Group>
          ),
        })
      } else {
        await api['store.dismissSetAside'](key)
        notifications.show({ color: 'teal', message: t('store.setAside.left', { name }) })
      }
    } catch (caught) {
      const details = caught instanceof RapportError ? caught.details : undefined
      const problems = (details as { problems?: SetAsideProblem[] } | undefined)?.problems
      notifications.show({
        color: 'red',
        title: t('errors.title'),
        message: problems
          ? t('store.setAside.cannotRepair', {
              name,
              problems: problemsText(t, i18n.language, problems),
            })
          : errorText(translate, caught),
      })
    } finally {
      setBusy(null)
      // Set-aside records live in no collection: leaving one sends no change event.
      await refetch()
    }
  }

  const list = (
    <Stack gap="xs" data-testid="set-aside-records">
      {data.map((record) => {
        const id = `${record.file}#${record.index}`
        return (
          <Group
            key={id}
            justify="space-between"
            wrap="nowrap"
            align="flex-start"
            data-testid="set-aside-record"
          >
            <div>
              <Text size="sm" fw={500}>
                {t('store.setAside.record', {
                  name: recordName(t, record),
                  collection: t(`store.setAside.collection.${record.collection}` as TextKey, {
                    defaultValue: record.collection,
                  }),
                })}
              </Text>
              <Text size="sm">{problemsText(t, i18n.language, record.problems)}</Text>
              {!record.repairable && (
                <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                  {t('store.setAside.cannot', { file: record.file })}
                </Text>
              )}
            </div>
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              {record.repairable && (
                <Button
                  size="compact-sm"
                  loading={busy === id}
                  disabled={busy !== null && busy !== id}
                  onClick={() => void act(record, 'repair')}
                >
                  {t('store.setAside.repair')}
                </Button>
              )}
              <Button
                size="compact-sm"
                variant="default"
                disabled={busy !== null}
                onClick={() => void act(record, 'leave')}
              >
                {t('store.setAside.leave')}
              </Button>
            </Group>
          </Group>
        )
      })}
    </Stack>
  )
  if (!framed) return <div style={{ marginTop: 8 }}>{list}</div>
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('store.setAside.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('store.setAside.body')}
      </Text>
      {list}
    </Card>
  )
}
