import { Button, Card, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../api/ApiContext'
import { useAppState } from '../AppContext'
import { errorText } from './errorText'

/** Settings → Reminders: popups, quiet hours, the tray, and the auto-exported calendar file. */
export function RemindersCard() {
  const { t } = useTranslation()
  const api = useApi()
  const { settings, setSettings } = useAppState()
  const [draft, setDraft] = useState(settings.reminders)
  const save = async () => {
    try {
      setSettings(await api['settings.update']({ reminders: draft }))
      notifications.show({ color: 'teal', message: t('reminders.saved') })
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    }
  }
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('reminders.title')}
      </Title>
      <Stack gap="sm">
        <Switch
          label={t('reminders.enabled')}
          checked={draft.enabled}
          onChange={(e) => setDraft({ ...draft, enabled: e.currentTarget.checked })}
        />
        <Group gap="xs" align="flex-end">
          <TextInput
            type="time"
            label={t('reminders.quietFrom')}
            value={draft.quietFrom}
            onChange={(e) => setDraft({ ...draft, quietFrom: e.currentTarget.value })}
          />
          <TextInput
            type="time"
            label={t('reminders.quietTo')}
            value={draft.quietTo}
            onChange={(e) => setDraft({ ...draft, quietTo: e.currentTarget.value })}
          />
        </Group>
        <Switch
          label={t('reminders.closeToTray')}
          checked={draft.closeToTray}
          onChange={(e) => setDraft({ ...draft, closeToTray: e.currentTarget.checked })}
        />
        <Text size="sm" fw={600} mt="xs">
          {t('calendar.autoTitle')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('calendar.autoBody')}
        </Text>
        <TextInput
          label={t('calendar.autoPath')}
          placeholder="/home/me/Calendars/rapport.ics"
          value={draft.autoExportPath}
          onChange={(e) => setDraft({ ...draft, autoExportPath: e.currentTarget.value })}
        />
        <Group justify="flex-end">
          <Button onClick={() => void save()}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </Card>
  )
}
