import {
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core'
import { getHotkeyHandler } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../api/ApiContext'
import { errorText } from '../components/errorText'
import { formatDateTime } from '../components/formatDate'
import { PageHeader } from '../components/PageHeader'
import { useQuery } from '../hooks/useQuery'

const QUESTIONS = ['howCanIHelp', 'theirAdvice', 'whomShouldTheyMeet', 'whomShouldIMeet'] as const
const EMPTY = {
  name: '',
  organization: '',
  reach: '',
  howCanIHelp: '',
  theirAdvice: '',
  whomShouldTheyMeet: '',
  whomShouldIMeet: '',
  seed: '',
}

/**
 * Capture in the room: a new person and the conversation in one step (the tray's "Quick
 * capture"). The full capture workflow of events builds on this.
 */
export function CapturePage() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [form, setForm] = useState(EMPTY)
  const [eventId, setEventId] = useState<string | null>(null)
  const [deep, setDeep] = useState(false)
  const [busy, setBusy] = useState(false)
  // A new key remounts the name field, which autofocuses it for the next person.
  const [round, setRound] = useState(0)
  const events = useQuery(() => api['events.list'](), 'capture-events')
  const set =
    (key: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const value = e.currentTarget.value
      setForm((f) => ({ ...f, [key]: value }))
    }

  const save = async () => {
    if (!form.name.trim() || busy) return
    setBusy(true)
    try {
      const contact = await api['contacts.create']({
        name: form.name,
        organization: form.organization,
        bestWayToReach: form.reach,
        seed: form.seed,
      })
      const { followUps } = await api['encounters.create']({
        contactId: contact.id,
        ...(eventId ? { eventId } : {}),
        howCanIHelp: form.howCanIHelp,
        theirAdvice: form.theirAdvice,
        whomShouldTheyMeet: form.whomShouldTheyMeet,
        whomShouldIMeet: form.whomShouldIMeet,
        seed: form.seed,
        deep,
      })
      const due = followUps.find((f) => f.reason === 'afterMeeting')?.dueAt
      notifications.show({
        color: 'teal',
        message: t('capture.saved', {
          name: contact.name,
          when: due ? formatDateTime(due, i18n.language) : '',
        }),
      })
      setForm(EMPTY)
      setDeep(false)
      setRound((r) => r + 1)
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack maw={720} onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}>
      <PageHeader title={t('capture.title')} subtitle={t('capture.subtitle')} />
      <Card withBorder>
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput
              key={round}
              label={t('capture.who')}
              required
              data-autofocus
              autoFocus
              value={form.name}
              onChange={set('name')}
            />
            <TextInput
              label={t('capture.organization')}
              value={form.organization}
              onChange={set('organization')}
            />
            <TextInput label={t('capture.reach')} value={form.reach} onChange={set('reach')} />
            <Select
              label={t('encounter.event')}
              clearable
              data={(events.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
              value={eventId}
              onChange={setEventId}
            />
          </SimpleGrid>
          {QUESTIONS.map((q) => (
            <Textarea
              key={q}
              autosize
              minRows={1}
              label={t(`encounter.${q}`)}
              value={form[q]}
              onChange={set(q)}
            />
          ))}
          <Textarea
            autosize
            minRows={1}
            label={t('encounter.seed')}
            value={form.seed}
            onChange={set('seed')}
          />
          <Checkbox
            label={t('encounter.deep')}
            checked={deep}
            onChange={(e) => setDeep(e.currentTarget.checked)}
          />
          <Group justify="space-between">
            <span />
            <Button onClick={() => void save()} loading={busy} disabled={!form.name.trim()}>
              {t('capture.save')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  )
}
