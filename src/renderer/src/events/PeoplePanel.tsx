import {
  Anchor,
  Badge,
  Button,
  Card,
  CloseButton,
  FileButton,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { EventView, PeopleImportResult } from '../../../shared/events/eventViews'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'
import { VirtualRows } from '../lists/VirtualRows'
import { toBase64 } from '../files/toBase64'

const PERSON_ROW = 44
const PERSON_GRID = {
  display: 'grid',
  gridTemplateColumns: 'minmax(140px, 1.2fr) minmax(160px, 1.6fr) 110px minmax(150px, auto)',
  gap: 12,
  alignItems: 'center',
  padding: '0 8px',
  borderBottom: '1px solid var(--mantine-color-gray-2)',
} as const

type Source = { text: string } | { data: string; fileName: string }

/** Speakers and attendees: paste or import, matched against contacts, prospects one click from a card. */
export function PeoplePanel({ view, onChange }: { view: EventView; onChange: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [role, setRole] = useState<'attendee' | 'speaker'>('attendee')
  const [pasted, setPasted] = useState('')
  const [source, setSource] = useState<Source>()
  const [preview, setPreview] = useState<PeopleImportResult>()
  const [busy, setBusy] = useState(false)
  const eventId = view.event.id
  const fail = (caught: unknown) =>
    notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })

  const run = async (from: Source, commit: boolean) => {
    setBusy(true)
    try {
      const input = 'text' in from ? { text: from.text } : { data: from.data }
      const result = await api['events.importPeople']({ eventId, role, ...input, commit })
      if (commit) {
        notifications.show({
          color: 'teal',
          message: t('events.people.added', { count: result.added }),
        })
        setPreview(undefined)
        setSource(undefined)
        setPasted('')
        onChange()
      } else {
        setSource(from)
        setPreview(result)
      }
    } catch (caught) {
      fail(caught)
    } finally {
      setBusy(false)
    }
  }

  const promote = async (personId: string) => {
    try {
      const contact = await api['events.promotePerson']({ eventId, personId })
      notifications.show({
        color: 'teal',
        message: t('events.people.promoted', { name: contact.name }),
      })
      onChange()
    } catch (caught) {
      fail(caught)
    }
  }

  const remove = async (personId: string) => {
    try {
      const removed = await api['events.removePerson']({ eventId, personId })
      onChange()
      const note = notifications.show({
        autoClose: 8000,
        message: (
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('events.people.removed', { name: removed.person.name })}</Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => {
                notifications.hide(note)
                void api['events.restorePerson'](removed).then(onChange, fail)
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

  const toAdd = preview ? preview.rows.filter((r) => !r.duplicate).length : 0
  return (
    <Stack>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('events.people.importTitle')}
          </Title>
          <SegmentedControl
            w="fit-content"
            data={[
              { value: 'attendee', label: t('events.people.roles.attendee') },
              { value: 'speaker', label: t('events.people.roles.speaker') },
            ]}
            value={role}
            onChange={(value) => setRole(value as typeof role)}
          />
          <Textarea
            label={t('events.people.paste')}
            description={t('events.people.pasteHint')}
            autosize
            minRows={3}
            maxRows={10}
            value={pasted}
            onChange={(e) => setPasted(e.currentTarget.value)}
          />
          <Group>
            <Button
              variant="default"
              disabled={!pasted.trim()}
              loading={busy}
              onClick={() => void run({ text: pasted }, false)}
            >
              {t('events.people.check')}
            </Button>
            <FileButton
              accept=".csv,text/csv,text/plain"
              onChange={(file) => {
                if (file)
                  void file
                    .arrayBuffer()
                    .then(toBase64)
                    .then((data) => run({ data, fileName: file.name }, false), fail)
              }}
            >
              {(props) => (
                <Button variant="default" {...props}>
                  {t('events.people.file')}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">
              {t('events.people.fileHint')}
            </Text>
          </Group>
          {preview && source && (
            <Stack gap="xs" aria-label={t('events.people.preview')}>
              <Text size="sm">
                {/* Pasted text has no encoding to speak of; only a file's guess is worth showing. */}
                {t(
                  preview.encoding === 'text'
                    ? 'events.people.previewSummaryPasted'
                    : 'events.people.previewSummary',
                  {
                    count: preview.rows.length,
                    matched: preview.rows.filter((r) => r.match).length,
                    encoding: preview.encoding,
                  },
                )}
              </Text>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('events.people.name')}</Table.Th>
                    <Table.Th>{t('events.people.organization')}</Table.Th>
                    <Table.Th>{t('events.people.title')}</Table.Th>
                    <Table.Th>{t('events.people.email')}</Table.Th>
                    <Table.Th>{t('events.people.linkedin')}</Table.Th>
                    <Table.Th>{t('events.people.match')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((r) => (
                    <Table.Tr key={r.line}>
                      <Table.Td>{r.name}</Table.Td>
                      <Table.Td>{r.organization}</Table.Td>
                      <Table.Td>{r.title}</Table.Td>
                      <Table.Td>{r.email}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-all' }}>{r.linkedinUrl}</Table.Td>
                      <Table.Td>
                        {r.duplicate
                          ? t('events.people.alreadyListed')
                          : r.match
                            ? t('events.people.matchedBy', {
                                name: r.match.name,
                                by: t(`events.people.by.${r.match.by}`),
                              })
                            : t('events.people.prospect')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Group>
                <Button
                  disabled={toAdd === 0}
                  loading={busy}
                  onClick={() => void run(source, true)}
                >
                  {t('events.people.commit', { count: toAdd })}
                </Button>
                <Button variant="subtle" onClick={() => setPreview(undefined)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('events.people.listTitle', { count: view.people.length })}
        </Title>
        {view.people.length === 0 ? (
          <Text c="dimmed">{t('events.people.empty')}</Text>
        ) : (
          <VirtualRows
            count={view.people.length}
            rowHeight={PERSON_ROW}
            maxHeight={560}
            label={t('events.people.listTitle', { count: view.people.length })}
            header={
              <div role="row" style={{ ...PERSON_GRID, fontWeight: 700, fontSize: 14 }}>
                <span role="columnheader">{t('events.people.name')}</span>
                <span role="columnheader">{t('events.people.organization')}</span>
                <span role="columnheader">{t('events.people.role')}</span>
                <span role="columnheader" />
              </div>
            }
            renderRow={(index) => {
              const p = view.people[index]!
              return (
                <div style={{ ...PERSON_GRID, height: PERSON_ROW }}>
                  <Text role="cell" size="sm" truncate>
                    {p.contactId ? (
                      <Anchor component={Link} to={`/contacts/${p.contactId}`}>
                        {p.name}
                      </Anchor>
                    ) : (
                      p.name
                    )}
                  </Text>
                  <Text role="cell" size="sm" truncate>
                    {[p.title, p.organization].filter(Boolean).join(' · ')}
                  </Text>
                  <span role="cell">
                    <Badge variant="light" size="sm">
                      {t(`events.people.roles.${p.role}`)}
                    </Badge>
                  </span>
                  <Group role="cell" gap="xs" wrap="nowrap" justify="flex-end">
                    {p.contactId ? (
                      <Badge color="teal" variant="outline" size="sm">
                        {t('events.people.inContacts')}
                      </Badge>
                    ) : (
                      <Button size="compact-xs" variant="light" onClick={() => void promote(p.id)}>
                        {t('events.people.promote')}
                      </Button>
                    )}
                    <CloseButton
                      size="sm"
                      aria-label={t('events.people.remove', { name: p.name })}
                      onClick={() => void remove(p.id)}
                    />
                  </Group>
                </div>
              )
            }}
          />
        )}
      </Card>
    </Stack>
  )
}
