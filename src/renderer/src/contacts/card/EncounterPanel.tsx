import {
  Button,
  Card,
  Checkbox,
  Collapse,
  Group,
  Select,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/ApiContext'
import { errorText } from '../../api/errorText'
import { formatDateTime } from '../../format/formatDate'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../../api/queryKeys'

const QUESTIONS = ['howCanIHelp', 'theirAdvice', 'whomShouldTheyMeet', 'whomShouldIMeet'] as const
type Question = (typeof QUESTIONS)[number]

function nowLocal(): string {
  const d = new Date()
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset())
  return d.toISOString().slice(0, 16)
}

/** The method's four questions and the seed; saving creates the 24-hour follow-up. */
export function EncounterPanel({
  contactId,
  onLogged,
}: {
  contactId: string
  onLogged: () => void
}) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [open, setOpen] = useState(false)
  const [at, setAt] = useState(nowLocal)
  const [eventId, setEventId] = useState<string | null>(null)
  const [answers, setAnswers] = useState<Record<Question, string>>({
    howCanIHelp: '',
    theirAdvice: '',
    whomShouldTheyMeet: '',
    whomShouldIMeet: '',
  })
  const [seed, setSeed] = useState('')
  const [deep, setDeep] = useState(false)
  const [busy, setBusy] = useState(false)
  const events = useQuery({ queryKey: queryKeys.eventList(), queryFn: () => api['events.list']() })

  const save = async () => {
    setBusy(true)
    try {
      const { followUps } = await api['encounters.create']({
        contactId,
        at: new Date(at).toISOString(),
        ...(eventId ? { eventId } : {}),
        ...answers,
        seed,
        deep,
      })
      const first = followUps.find((f) => f.reason === 'afterMeeting')
      notifications.show({
        color: 'teal',
        message: t('encounter.logged', {
          when: first ? formatDateTime(first.dueAt, i18n.language) : '',
        }),
      })
      setAnswers({ howCanIHelp: '', theirAdvice: '', whomShouldTheyMeet: '', whomShouldIMeet: '' })
      setSeed('')
      setDeep(false)
      setOpen(false)
      onLogged()
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card withBorder>
      <Group justify="space-between">
        <Title order={2} size="h5">
          {t('encounter.title')}
        </Title>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-label={t('encounter.title')}
        >
          {open ? t('common.close') : '+'}
        </Button>
      </Group>
      <Collapse expanded={open}>
        <Stack gap="xs" mt="sm">
          <Group grow>
            <TextInput
              size="xs"
              type="datetime-local"
              label={t('encounter.at')}
              value={at}
              onChange={(e) => setAt(e.currentTarget.value)}
            />
            <Select
              size="xs"
              label={t('encounter.event')}
              clearable
              data={(events.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
              value={eventId}
              onChange={setEventId}
            />
          </Group>
          {QUESTIONS.map((q) => (
            <Textarea
              key={q}
              size="xs"
              autosize
              minRows={1}
              label={t(`encounter.${q}`)}
              value={answers[q]}
              onChange={(e) => {
                const value = e.currentTarget.value
                setAnswers((a) => ({ ...a, [q]: value }))
              }}
            />
          ))}
          <Textarea
            size="xs"
            autosize
            minRows={1}
            label={t('encounter.seed')}
            value={seed}
            onChange={(e) => setSeed(e.currentTarget.value)}
          />
          <Checkbox
            size="xs"
            label={t('encounter.deep')}
            checked={deep}
            onChange={(e) => setDeep(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button size="xs" onClick={() => void save()} loading={busy}>
              {t('encounter.save')}
            </Button>
          </Group>
        </Stack>
      </Collapse>
    </Card>
  )
}
