import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Modal,
  Progress,
  Radio,
  Stack,
  Table,
  Text,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { memo, useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { DuplicateGroup } from '../../../shared/contract'
import type { MergeGroupsInput } from '../../../shared/contacts/duplicateOperations'
import { contactListFields, type Contact } from '../../../shared/model'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'
import { formatList } from '../format/formatList'
import { PageHeader } from '../ui/PageHeader'
import { QueryError } from '../ui/QueryError'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'

const LIST_FIELDS = new Set<string>(contactListFields)
const SKIP = new Set(['id', 'createdAt', 'updatedAt', 'demo'])

/** A field's value as one line of text, to compare and choose. */
function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return ''
  if (Array.isArray(value))
    return value
      .map((v) =>
        typeof v === 'object' && v ? Object.values(v).filter(Boolean).join(' ') : String(v),
      )
      .join(', ')
  if (typeof value === 'object') return Object.values(value).filter(Boolean).join(' · ')
  return String(value)
}

/** A group's identity across reloads: its members. */
const groupKey = (group: DuplicateGroup) => group.contacts.map((c) => c.id).join()

type GroupToMerge = MergeGroupsInput['groups'][number]

export function DuplicatesPage() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const { data, error, refetch } = useQuery({
    queryKey: queryKeys.duplicates(),
    queryFn: () => api['contacts.duplicates'](),
  })
  const dismissed = useQuery({
    queryKey: queryKeys.dismissedDuplicates(),
    queryFn: () => api['contacts.dismissedDuplicates'](),
  })
  const [merging, setMerging] = useState<[Contact, Contact] | null>(null)
  const [mergingWhole, setMergingWhole] = useState<Contact[] | null>(null)
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set())
  /** How many groups the merge under way holds; null when none runs. */
  const [running, setRunning] = useState<number | null>(null)
  const [showDismissed, setShowDismissed] = useState(false)
  // Stable callbacks, so ticking one of hundreds of groups re-renders only that group.
  const toggle = useCallback(
    (key: string, on: boolean) =>
      setSelected((old) => {
        const next = new Set(old)
        if (on) next.add(key)
        else next.delete(key)
        return next
      }),
    [],
  )
  const onMerge = useCallback(
    (group: DuplicateGroup) =>
      group.contacts.length === 2
        ? setMerging([group.contacts[0]!, group.contacts[1]!])
        : setMergingWhole(group.contacts),
    [],
  )
  const showError = useCallback(
    (caught: unknown) =>
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) }),
    [t],
  )
  const onDismiss = useCallback(
    async (group: DuplicateGroup) => {
      try {
        const dismissal = await api['contacts.dismissDuplicates']({
          ids: group.contacts.map((c) => c.id),
        })
        // The group leaves before anything else can be done to it.
        await refetch()
        showUndo(
          t('duplicates.dismissed', { count: group.contacts.length }),
          t('common.undo'),
          () =>
            api['contacts.undismissDuplicates']({ id: dismissal.id }).then(
              () => undefined,
              showError,
            ),
        )
      } catch (caught) {
        showError(caught)
      }
    },
    [api, refetch, showError, t],
  )
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />

  const groups = data ?? []
  // Groups merged or dismissed elsewhere drop out of the selection by themselves.
  const chosen = groups.filter((g) => selected.has(groupKey(g)))
  const allChosen = groups.length > 0 && chosen.length === groups.length

  const mergeGroups = async (toMerge: GroupToMerge[]) => {
    setRunning(toMerge.length)
    try {
      const result = await api['contacts.mergeGroups']({ groups: toMerge })
      setSelected(new Set())
      showUndo(t('duplicates.mergedGroups', { count: result.groups }), t('common.undo'), () =>
        api['contacts.undoMergeGroups']({ undoToken: result.undoToken }).then(({ restored }) => {
          notifications.show({ message: t('duplicates.mergeUndone', { count: restored }) })
        }, showError),
      )
      // The merged groups leave before the buttons are free again.
      await refetch()
    } catch (caught) {
      showError(caught)
    } finally {
      setRunning(null)
    }
  }

  return (
    <Stack>
      <Anchor component={Link} to="/contacts" size="sm">
        ← {t('card.back')}
      </Anchor>
      <PageHeader title={t('duplicates.title')} subtitle={t('duplicates.subtitle')} />
      {groups.length > 0 && (
        <Card withBorder>
          <Stack gap="xs">
            <Group justify="space-between">
              <Checkbox
                label={t('duplicates.selectAll', { count: groups.length })}
                checked={allChosen}
                indeterminate={chosen.length > 0 && !allChosen}
                disabled={running !== null}
                onChange={(e) =>
                  setSelected(new Set(e.currentTarget.checked ? groups.map(groupKey) : []))
                }
              />
              <Button
                disabled={chosen.length === 0 || running !== null}
                onClick={() =>
                  void mergeGroups(
                    chosen.map((g) => ({
                      keepId: g.contacts[0]!.id,
                      removeIds: g.contacts.slice(1).map((c) => c.id),
                    })),
                  )
                }
              >
                {chosen.length === 0
                  ? t('duplicates.mergeNone')
                  : t('duplicates.mergeSelected', { count: chosen.length })}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t('duplicates.mergeSelectedHint')}
            </Text>
            {running !== null && (
              <Stack gap={4}>
                <Text size="sm">{t('duplicates.merging', { count: running })}</Text>
                {/* One transaction: its steps cannot be counted from here, so the bar runs. */}
                <Progress
                  value={100}
                  animated
                  striped
                  aria-label={t('duplicates.merging', { count: running })}
                />
              </Stack>
            )}
          </Stack>
        </Card>
      )}
      {!data ? (
        <Loader />
      ) : data.length === 0 ? (
        <Text c="dimmed">{t('duplicates.none')}</Text>
      ) : (
        data.map((group: DuplicateGroup) => (
          <GroupCard
            key={groupKey(group)}
            group={group}
            checked={selected.has(groupKey(group))}
            disabled={running !== null}
            onToggle={toggle}
            onDismiss={onDismiss}
            onMerge={onMerge}
          />
        ))
      )}
      {(dismissed.data?.length ?? 0) > 0 && (
        <Anchor
          component="button"
          size="sm"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => setShowDismissed((v) => !v)}
        >
          {showDismissed
            ? t('duplicates.hideDismissed')
            : t('duplicates.showDismissed', { count: dismissed.data?.length ?? 0 })}
        </Anchor>
      )}
      {showDismissed && dismissed.data && (
        <Card withBorder data-testid="dismissed-duplicates">
          <Stack gap="xs">
            <Text fw={600}>{t('duplicates.dismissedTitle')}</Text>
            {dismissed.data.length === 0 && <Text c="dimmed">{t('duplicates.dismissedNone')}</Text>}
            {dismissed.data.map((d) => (
              <Group key={d.id} justify="space-between" data-testid="dismissed-group">
                <Text size="sm">
                  {formatList(
                    d.contacts.map((c) => [c.name, c.organization].filter(Boolean).join(' · ')),
                    i18n.language,
                  )}
                </Text>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() =>
                    void api['contacts.undismissDuplicates']({ id: d.id }).catch(showError)
                  }
                >
                  {t('duplicates.suggestAgain')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Card>
      )}
      {merging && (
        <MergeModal
          pair={merging}
          onClose={() => setMerging(null)}
          onMerged={() => {
            setMerging(null)
          }}
        />
      )}
      {mergingWhole && (
        <MergeWholeModal
          contacts={mergingWhole}
          onClose={() => setMergingWhole(null)}
          onConfirm={(keepId) => {
            setMergingWhole(null)
            void mergeGroups([
              { keepId, removeIds: mergingWhole.map((c) => c.id).filter((id) => id !== keepId) },
            ])
          }}
        />
      )}
    </Stack>
  )
}

/** One suggested group; memoised, as a page can hold hundreds. */
const GroupCard = memo(function GroupCard({
  group,
  checked,
  disabled,
  onToggle,
  onDismiss,
  onMerge,
}: {
  group: DuplicateGroup
  checked: boolean
  disabled: boolean
  onToggle: (key: string, on: boolean) => void
  onDismiss: (group: DuplicateGroup) => Promise<void>
  onMerge: (group: DuplicateGroup) => void
}) {
  const { t, i18n } = useTranslation()
  return (
    <Card withBorder data-testid="duplicate-group">
      <Group justify="space-between" align="flex-start">
        <Group wrap="nowrap" align="flex-start">
          <Checkbox
            mt={2}
            aria-label={t('duplicates.selectGroup', {
              names: formatList(
                group.contacts.map((c) => c.name),
                i18n.language,
              ),
            })}
            checked={checked}
            disabled={disabled}
            onChange={(e) => onToggle(groupKey(group), e.currentTarget.checked)}
          />
          <Stack gap={2}>
            {group.contacts.map((c) => (
              <Text key={c.id} size="sm">
                <Anchor component={Link} to={`/contacts/${c.id}`}>
                  {c.name}
                </Anchor>{' '}
                ·{' '}
                {[c.organization, c.emails[0]?.value, c.phones[0]?.value]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            ))}
            <Group gap={4}>
              {group.reasons.map((r) => (
                <Badge key={r} size="xs" variant="light" tt="none">
                  {t(`duplicates.reason.${r}`, { defaultValue: r })}
                </Badge>
              ))}
            </Group>
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" disabled={disabled} onClick={() => void onDismiss(group)}>
            {t('duplicates.notDuplicate')}
          </Button>
          <Button variant="light" disabled={disabled} onClick={() => onMerge(group)}>
            {t('duplicates.merge')}
          </Button>
        </Group>
      </Group>
    </Card>
  )
})

/** A toast that offers to take back what was just done, for a while. */
function showUndo(message: string, undoLabel: string, undo: () => Promise<unknown>) {
  const note = notifications.show({
    autoClose: 10_000,
    message: (
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            notifications.hide(note)
            void undo()
          }}
        >
          {undoLabel}
        </Button>
      </Group>
    ),
  })
}

/** Three or more cards of one person become one: the user picks the card that stays. */
function MergeWholeModal(props: {
  contacts: Contact[]
  onClose: () => void
  onConfirm: (keepId: string) => void
}) {
  const { t } = useTranslation()
  const [keepId, setKeepId] = useState(props.contacts[0]!.id)
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('duplicates.mergeAllTitle', { count: props.contacts.length })}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t('duplicates.mergeAllHint')}
        </Text>
        <Radio.Group label={t('duplicates.keepCard')} value={keepId} onChange={setKeepId}>
          <Stack gap="xs" mt="xs">
            {props.contacts.map((c) => (
              <Radio
                key={c.id}
                value={c.id}
                label={[c.name, c.organization, c.emails[0]?.value].filter(Boolean).join(' · ')}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => props.onConfirm(keepId)}>{t('duplicates.confirm')}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function MergeModal(props: {
  pair: [Contact, Contact]
  onClose: () => void
  onMerged: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [a, b] = props.pair
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (f) =>
      !SKIP.has(f) &&
      show((a as Record<string, unknown>)[f]) !== show((b as Record<string, unknown>)[f]),
  )
  const [choice, setChoice] = useState<Record<string, 'a' | 'b' | 'both'>>(() =>
    Object.fromEntries(
      fields.map((f) => {
        const va = show((a as Record<string, unknown>)[f])
        return [f, LIST_FIELDS.has(f) ? 'both' : va ? 'a' : 'b']
      }),
    ),
  )
  const [busy, setBusy] = useState(false)
  const merge = async () => {
    setBusy(true)
    try {
      const kept = await api['contacts.merge']({ keepId: a.id, removeId: b.id, choice })
      notifications.show({ color: 'teal', message: t('duplicates.merged', { name: kept.name }) })
      props.onMerged()
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened onClose={props.onClose} title={t('duplicates.mergeTitle')} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('duplicates.mergeHint')}
        </Text>
        <Table aria-label={t('duplicates.mergeTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('duplicates.field')}</Table.Th>
              <Table.Th>{a.name}</Table.Th>
              <Table.Th>{b.name}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((f) => (
              <Table.Tr key={f}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {t(`fieldNames.${f}`, { defaultValue: f })}
                  </Text>
                </Table.Td>
                {(['a', 'b'] as const).map((side) => (
                  <Table.Td key={side}>
                    <Radio
                      size="xs"
                      name={f}
                      aria-label={`${f} ${side === 'a' ? a.name : b.name}`}
                      label={show((side === 'a' ? a : b)[f as keyof Contact]) || '—'}
                      checked={choice[f] === side}
                      onChange={() => setChoice((c) => ({ ...c, [f]: side }))}
                    />
                  </Table.Td>
                ))}
                {LIST_FIELDS.has(f) && (
                  <Table.Td>
                    <Radio
                      size="xs"
                      name={f}
                      label={t('duplicates.both')}
                      checked={choice[f] === 'both'}
                      onChange={() => setChoice((c) => ({ ...c, [f]: 'both' }))}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void merge()} loading={busy}>
            {t('duplicates.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
