import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Radio,
  Stack,
  Table,
  Text,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { DuplicateGroup } from '../../../shared/contract'
import { contactListFields, type Contact } from '../../../shared/model'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'
import { PageHeader } from '../ui/PageHeader'
import { QueryError } from '../ui/QueryError'
import { useQuery } from '../api/useQuery'

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

export function DuplicatesPage() {
  const { t } = useTranslation()
  const api = useApi()
  const { data, error, reload } = useQuery(() => api['contacts.duplicates'](), 'duplicates')
  const [merging, setMerging] = useState<[Contact, Contact] | null>(null)
  if (error) return <QueryError error={error} onRetry={reload} />
  return (
    <Stack>
      <Anchor component={Link} to="/contacts" size="sm">
        ← {t('card.back')}
      </Anchor>
      <PageHeader title={t('duplicates.title')} subtitle={t('duplicates.subtitle')} />
      {!data ? (
        <Loader />
      ) : data.length === 0 ? (
        <Text c="dimmed">{t('duplicates.none')}</Text>
      ) : (
        data.map((group: DuplicateGroup) => (
          <Card
            withBorder
            key={group.contacts.map((c) => c.id).join()}
            data-testid="duplicate-group"
          >
            <Group justify="space-between">
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
              <Button
                variant="light"
                onClick={() => setMerging([group.contacts[0]!, group.contacts[1]!])}
                disabled={group.contacts.length < 2}
              >
                {t('duplicates.merge')}
              </Button>
            </Group>
          </Card>
        ))
      )}
      {merging && (
        <MergeModal
          pair={merging}
          onClose={() => setMerging(null)}
          onMerged={() => {
            setMerging(null)
            void reload()
          }}
        />
      )}
    </Stack>
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
