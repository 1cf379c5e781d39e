import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../api/ApiContext'
import { downloadText } from '../files/downloadText'
import { errorText } from '../api/errorText'

/** Choose what goes into the .ics and for which dates, then save it (a download). */
export function CalendarExportModal(props: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [include, setInclude] = useState({ followUps: true, events: true, gatherings: true })
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setBusy(true)
    try {
      const { fileName, text } = await api['calendar.export']({
        include,
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      })
      downloadText(fileName, text, 'text/calendar')
      notifications.show({ color: 'teal', message: t('calendar.exported', { file: fileName }) })
      props.onClose()
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    } finally {
      setBusy(false)
    }
  }
  const toggle = (key: keyof typeof include) => () => setInclude((i) => ({ ...i, [key]: !i[key] }))
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('calendar.title')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('calendar.body')}
        </Text>
        <Checkbox
          label={t('calendar.followUps')}
          checked={include.followUps}
          onChange={toggle('followUps')}
        />
        <Checkbox
          label={t('calendar.events')}
          checked={include.events}
          onChange={toggle('events')}
        />
        <Checkbox
          label={t('calendar.gatherings')}
          checked={include.gatherings}
          onChange={toggle('gatherings')}
        />
        <Group grow>
          <TextInput
            type="date"
            label={t('calendar.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('calendar.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => void save()}
            loading={busy}
            disabled={!include.followUps && !include.events && !include.gatherings}
          >
            {t('calendar.download')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
