import {
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  Popover,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { FollowUpView } from '../../../shared/contract'
import { snoozeChoiceSchema } from '../../../shared/contract'
import { useFollowUpTitle } from './useFollowUpTitle'
import { formatDateTime } from '../format/formatDate'

export interface FollowUpActions {
  complete: (item: FollowUpView, channel: string, note: string) => void
  snooze: (item: FollowUpView, choice: (typeof snoozeChoiceSchema.options)[number]) => void
  reschedule: (item: FollowUpView, dueAt: string) => void
  drop: (item: FollowUpView) => void
}

/** A datetime-local value ("2026-12-01T09:30") for an ISO instant, in local time. */
function localInput(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/**
 * One follow-up in the queue, usable from the keyboard: D done, S snooze, R reschedule, X drop,
 * Enter opens the contact, arrows move between follow-ups.
 */
export function FollowUpItem(props: {
  item: FollowUpView
  actions: FollowUpActions
  tone: 'red' | 'orange' | 'gray'
}) {
  const { t, i18n } = useTranslation()
  const titleOf = useFollowUpTitle()
  const navigate = useNavigate()
  const { item, actions } = props
  const [doneOpen, setDoneOpen] = useState(false)
  const [snoozeOpen, setSnoozeOpen] = useState(false)
  const [rescheduleOpen, setRescheduleOpen] = useState(false)
  const [channel, setChannel] = useState('')
  const [note, setNote] = useState('')
  const due = item.snoozedUntil && item.snoozedUntil > item.dueAt ? item.snoozedUntil : item.dueAt
  const [when, setWhen] = useState(localInput(due))
  const markDone = () => {
    setDoneOpen(false)
    actions.complete(item, channel, note)
  }

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return
    const key = e.key.toLowerCase()
    const move = (step: number) => {
      const all = [...document.querySelectorAll<HTMLElement>('[data-followup]')]
      all[all.indexOf(e.currentTarget) + step]?.focus()
    }
    if (key === 'd') setDoneOpen(true)
    else if (key === 's') setSnoozeOpen(true)
    else if (key === 'r') setRescheduleOpen(true)
    else if (key === 'x') actions.drop(item)
    else if (key === 'enter') navigate(`/contacts/${item.contactId}`)
    else if (key === 'arrowdown') move(1)
    else if (key === 'arrowup') move(-1)
    else return
    e.preventDefault()
  }

  return (
    <Paper
      withBorder
      p="xs"
      tabIndex={0}
      // Mantine's focus ring, so the item the keys act on is always visible.
      className="mantine-focus-auto"
      data-followup={item.id}
      onKeyDown={onKeyDown}
      aria-label={`${item.contactName}: ${titleOf(item)}`}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Anchor component={Link} to={`/contacts/${item.contactId}`} fw={600} size="sm">
              {item.contactName}
            </Anchor>
            <Badge size="xs" variant="light" color={props.tone} tt="none">
              {t(`queue.reason.${item.reason}`)}
            </Badge>
            {item.status === 'snoozed' && (
              <Badge size="xs" variant="light" color="blue" tt="none">
                {t('queue.snoozedMark')}
              </Badge>
            )}
            {item.careKind && (
              <Badge size="xs" variant="outline" color="gray" tt="none">
                {t(`queue.care.${item.careKind}`)}
              </Badge>
            )}
          </Group>
          {/* Titles the rules wrote ("Keep in touch") are shown in the interface language. */}
          <Text size="sm">{titleOf(item)}</Text>
          <Text size="xs" c={props.tone === 'red' ? 'red' : 'dimmed'}>
            {t('today.dueAt', { when: formatDateTime(due, i18n.language) })}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Popover
            opened={doneOpen}
            onChange={setDoneOpen}
            trapFocus
            position="bottom-end"
            withArrow
          >
            <Popover.Target>
              <Button size="compact-xs" variant="light" onClick={() => setDoneOpen((o) => !o)}>
                {t('queue.done')}
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <Stack gap="xs" w={260}>
                <Text size="sm" fw={600}>
                  {t('queue.doneTitle')}
                </Text>
                <TextInput
                  size="xs"
                  label={t('queue.channel')}
                  placeholder={t('queue.channelPlaceholder')}
                  value={channel}
                  onChange={(e) => setChannel(e.currentTarget.value)}
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return
                    e.preventDefault()
                    markDone()
                  }}
                  data-autofocus
                />
                <Textarea
                  size="xs"
                  label={t('queue.note')}
                  autosize
                  minRows={2}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                />
                <Button size="xs" onClick={markDone}>
                  {t('queue.markDone')}
                </Button>
              </Stack>
            </Popover.Dropdown>
          </Popover>
          <Menu opened={snoozeOpen} onChange={setSnoozeOpen} position="bottom-end">
            <Menu.Target>
              <Button size="compact-xs" variant="subtle">
                {t('queue.snooze')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {snoozeChoiceSchema.options.map((choice) => (
                <Menu.Item key={choice} onClick={() => actions.snooze(item, choice)}>
                  {t(`queue.snoozeChoice.${choice}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Popover
            opened={rescheduleOpen}
            onChange={setRescheduleOpen}
            trapFocus
            position="bottom-end"
            withArrow
          >
            <Popover.Target>
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setRescheduleOpen((o) => !o)}
              >
                {t('queue.reschedule')}
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <Stack gap="xs">
                <TextInput
                  size="xs"
                  type="datetime-local"
                  label={t('queue.rescheduleTo')}
                  value={when}
                  onChange={(e) => setWhen(e.currentTarget.value)}
                  data-autofocus
                />
                <Button
                  size="xs"
                  onClick={() => {
                    setRescheduleOpen(false)
                    if (when) actions.reschedule(item, new Date(when).toISOString())
                  }}
                >
                  {t('queue.reschedule')}
                </Button>
              </Stack>
            </Popover.Dropdown>
          </Popover>
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            onClick={() => actions.drop(item)}
          >
            {t('queue.drop')}
          </Button>
        </Group>
      </Group>
    </Paper>
  )
}
