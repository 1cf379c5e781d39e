import { Button, Card, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { useState } from 'react'
import { useApi } from '../api/ApiContext'
import { useAppState } from '../AppContext'
import { useSettingsEdit } from '../edits/useSettingsEdit'
import { errorText } from '../api/errorText'

/** Settings → Reminders: popups, quiet hours, the tray, and the auto-exported calendar file. */
export function RemindersCard() {
  const { t } = useTranslation()
  const api = useApi()
  const { settings, setSettings } = useAppState()
  // The calendar file is set on its own, where the core checks it (or the desktop dialog picks it).
  const labels: Record<string, string> = {
    'reminders.enabled': t('reminders.enabled'),
    'reminders.quietFrom': t('reminders.quietFrom'),
    'reminders.quietTo': t('reminders.quietTo'),
    'reminders.closeToTray': t('reminders.closeToTray'),
  }
  const edit = useSettingsEdit('reminders', Object.keys(labels), labels)
  const draft = edit.draft
  const setDraft = (next: typeof draft) => edit.setDraft(() => next)
  const [typedPath, setTypedPath] = useState(settings.reminders.autoExportPath)
  const desktop = Boolean(window.rapport)
  const failed = (caught: unknown) =>
    notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
  const save = async () => {
    try {
      if (await edit.save()) notifications.show({ color: 'teal', message: t('reminders.saved') })
    } catch (caught) {
      failed(caught)
    }
  }
  const applyAutoExport = async (path: string) => {
    try {
      const next = await api['calendar.setAutoExport']({ path })
      setSettings(next)
      setDraft({ ...draft, autoExportPath: next.reminders.autoExportPath })
      setTypedPath(next.reminders.autoExportPath)
      notifications.show({
        color: 'teal',
        message: path ? t('calendar.autoSaved') : t('calendar.autoStopped'),
      })
    } catch (caught) {
      failed(caught)
    }
  }
  const chooseAutoExport = async () => {
    try {
      const { chosen, settings: next } = await api['calendar.chooseAutoExport']()
      if (!chosen) return
      setSettings(next)
      setDraft({ ...draft, autoExportPath: next.reminders.autoExportPath })
      notifications.show({ color: 'teal', message: t('calendar.autoSaved') })
    } catch (caught) {
      failed(caught)
    }
  }
  const current = settings.reminders.autoExportPath
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
        <Text size="sm" data-testid="auto-export-current">
          {current ? t('calendar.autoCurrent', { file: current }) : t('calendar.autoNone')}
        </Text>
        {desktop ? (
          <Group gap="xs">
            <Button variant="light" onClick={() => void chooseAutoExport()}>
              {t('calendar.autoChoose')}
            </Button>
            {current && (
              <Button variant="subtle" color="gray" onClick={() => void applyAutoExport('')}>
                {t('calendar.autoStop')}
              </Button>
            )}
          </Group>
        ) : (
          <Group gap="xs" align="flex-end">
            <TextInput
              style={{ flex: 1 }}
              label={t('calendar.autoPath')}
              description={t('calendar.autoBrowserHint')}
              placeholder="/home/me/.config/Rapport/rapport.ics"
              value={typedPath}
              onChange={(e) => setTypedPath(e.currentTarget.value)}
            />
            <Button variant="light" onClick={() => void applyAutoExport(typedPath.trim())}>
              {t('calendar.autoUse')}
            </Button>
            {current && (
              <Button variant="subtle" color="gray" onClick={() => void applyAutoExport('')}>
                {t('calendar.autoStop')}
              </Button>
            )}
          </Group>
        )}
        {edit.conflictNotice}
        <Group justify="flex-end">
          <Button onClick={() => void save()}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </Card>
  )
}
