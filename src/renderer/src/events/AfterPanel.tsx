import {
  Anchor,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  Loader,
  Modal,
  Progress,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { EventView, MetEntry } from '../../../shared/events/eventViews'
import { useApi } from '../api/ApiContext'
import { ConversationAnswers } from '../capture/ConversationAnswers'
import { errorText } from '../api/errorText'
import { formatList } from '../format/formatList'
import { formatDateTime } from '../format/formatDate'
import { checklistKnownDone } from '../../../shared/events/eventChecklist'
import { ChecklistPanel } from './ChecklistPanel'

function followUpState(
  m: MetEntry,
  now: number,
): 'done24' | 'doneLate' | 'overdue' | 'due' | 'none' {
  if (!m.followUp) return 'none'
  if (m.followUp.status === 'done') return m.doneWithin24h ? 'done24' : 'doneLate'
  return Date.parse(m.followUp.dueAt) < now ? 'overdue' : 'due'
}
const STATE_COLOR = {
  done24: 'teal',
  doneLate: 'yellow',
  overdue: 'red',
  due: 'blue',
  none: 'gray',
} as const

/** After the event: everyone met, their cards and follow-ups, and a draft for each. */
export function AfterPanel({ view }: { view: EventView }) {
  const { t, i18n } = useTranslation()
  const [now] = useState(() => Date.now())
  const [drafting, setDrafting] = useState<MetEntry>()
  const { done, total } = view.followedUpWithin24h
  return (
    <Stack>
      <Card withBorder>
        <Text fw={600}>
          {total === 0
            ? t('events.after.noneMet')
            : t('events.after.share', { done, total, percent: Math.round((done / total) * 100) })}
        </Text>
        {total > 0 && (
          <Progress
            mt="xs"
            value={(done / total) * 100}
            aria-label={t('events.after.share', {
              done,
              total,
              percent: Math.round((done / total) * 100),
            })}
          />
        )}
      </Card>
      {total > 0 && (
        <Card withBorder>
          <Table aria-label={t('events.after.metTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('events.after.person')}</Table.Th>
                <Table.Th>{t('events.after.card')}</Table.Th>
                <Table.Th>{t('events.after.followUp')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.met.map((m) => {
                const state = followUpState(m, now)
                return (
                  <Table.Tr key={m.contactId} data-met={m.name}>
                    <Table.Td>
                      <Anchor component={Link} to={`/contacts/${m.contactId}`}>
                        {m.name}
                      </Anchor>
                      {m.encounter.capturedOn === 'phone' && (
                        <Badge ml="xs" size="xs" variant="light" data-testid="captured-on-phone">
                          {t('sync.capturedOnPhone')}
                        </Badge>
                      )}
                      <Text size="xs" c="dimmed">
                        {formatDateTime(m.encounter.at, i18n.language, view.event.timeZone)}
                      </Text>
                      <ConversationAnswers answers={m.encounter} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{Math.round(m.completeness * 100)}%</Text>
                      {m.missing.length > 0 && (
                        <Text size="xs" c="dimmed">
                          {t('events.after.missing', {
                            fields: formatList(
                              m.missing.map((k) => t(`events.after.essentials.${k}`)),
                              i18n.language,
                            ),
                          })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600} c={STATE_COLOR[state]}>
                        {t(`events.after.states.${state}`, {
                          when: m.followUp ? formatDateTime(m.followUp.dueAt, i18n.language) : '',
                        })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button size="compact-sm" variant="light" onClick={() => setDrafting(m)}>
                        {t('events.draft.open')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <ChecklistPanel
        event={view.event}
        knownDone={checklistKnownDone({
          targets: view.targets.length,
          followedUpWithin24h: view.followedUpWithin24h,
        })}
        phases={['after']}
        onChange={() => undefined}
      />
      <Modal
        opened={!!drafting}
        onClose={() => setDrafting(undefined)}
        title={t('events.draft.title', { name: drafting?.name ?? '' })}
        size="lg"
      >
        {drafting && <DraftEditor eventId={view.event.id} contactId={drafting.contactId} />}
      </Modal>
    </Stack>
  )
}

function DraftEditor({ eventId, contactId }: { eventId: string; contactId: string }) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [draft, setDraft] = useState<{ subject: string; body: string; email: string }>()
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en'
  useEffect(() => {
    let cancelled = false
    api['events.draft']({ eventId, contactId, language }).then(
      (made) => !cancelled && setDraft(made),
      (caught: unknown) =>
        notifications.show({
          color: 'red',
          title: t('errors.title'),
          message: errorText(t, caught),
        }),
    )
    return () => {
      cancelled = true
    }
  }, [api, eventId, contactId, language, t])
  if (!draft) return <Loader />
  const mailto = `mailto:${encodeURIComponent(draft.email)}?subject=${encodeURIComponent(draft.subject)}&body=${encodeURIComponent(draft.body)}`
  return (
    <Stack gap="sm">
      <TextInput
        label={t('events.draft.subject')}
        value={draft.subject}
        onChange={(e) => setDraft({ ...draft, subject: e.currentTarget.value })}
      />
      <Textarea
        label={t('events.draft.body')}
        autosize
        minRows={10}
        value={draft.body}
        onChange={(e) => setDraft({ ...draft, body: e.currentTarget.value })}
      />
      <Group justify="flex-end">
        {/* In Chinese such a message mostly goes by WeChat: copying is the main action there. */}
        <CopyButton value={`${draft.subject}\n\n${draft.body}`}>
          {({ copied, copy }) => (
            <Button variant={language === 'zh-CN' ? 'filled' : 'default'} onClick={copy}>
              {copied ? t('events.draft.copied') : t('events.draft.copy')}
            </Button>
          )}
        </CopyButton>
        <Button component="a" href={mailto} variant={language === 'zh-CN' ? 'default' : 'filled'}>
          {draft.email ? t('events.draft.mail') : t('events.draft.mailNoAddress')}
        </Button>
      </Group>
    </Stack>
  )
}
