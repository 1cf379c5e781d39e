import { Button, Card, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { useSettingsEdit } from '../edits/useSettingsEdit'
import { errorText } from './errorText'

/** Settings → Reminders: popups, quiet hours, the tray, and the auto-exported calendar file. */
export function RemindersCard() {
  const { t } = useTranslation()
  const labels: Record<string, string> = {
    'reminders.enabled': t('reminders.enabled'),
    'reminders.quietFrom': t('reminders.quietFrom'),
    'reminders.quietTo': t('reminders.quietTo'),
    'reminders.closeToTray': t('reminders.closeToTray'),
    'reminders.autoExportPath': t('calendar.autoPath'),
  }
  const edit = useSettingsEdit('reminders', Object.keys(labels), labels)
  const draft = edit.draft
  const setDraft = (next: typeof draft) => edit.setDraft(() => next)
  const save = async () => {
    try {
      if (await edit.save()) notifications.show({ color: 'teal', message: t('reminders.saved') })
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
        {edit.conflictNotice}
        <Group justify="flex-end">
          <Button onClick={() => void save()}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </Card>
  )
}
