import { Button, Group, Stack, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/ApiContext'
import { errorText } from '../../api/errorText'
import { formatDateTime, localDateTimeInput } from '../../format/formatDate'
import { Panel } from '../../ui/Panel'

/** Plans a follow-up of the user's own with this person (the queue and reminders pick it up). */
export function PlanFollowUpPanel({
  contactId,
  onPlanned,
}: {
  contactId: string
  onPlanned: () => void
}) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const tomorrowNine = () => {
    const d = new Date()
    d.setDate(d.getDate() + 1)
    d.setHours(9, 0, 0, 0)
    return localDateTimeInput(d)
  }
  const [title, setTitle] = useState('')
  const [when, setWhen] = useState(tomorrowNine)
  const [saving, setSaving] = useState(false)
  const ready = title.trim() !== '' && when !== '' && !Number.isNaN(new Date(when).getTime())
  const plan = async () => {
    if (!ready || saving) return
    setSaving(true)
    try {
      const dueAt = new Date(when).toISOString()
      await api['followUps.create']({ contactId, title: title.trim(), dueAt, reason: 'custom' })
      setTitle('')
      setWhen(tomorrowNine())
      onPlanned()
      notifications.show({
        message: t('card.planned', { when: formatDateTime(dueAt, i18n.language) }),
      })
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    } finally {
      setSaving(false)
    }
  }
  return (
    <Panel title={t('card.planTitle')}>
      <Stack gap="xs">
        <TextInput
          size="xs"
          label={t('card.planWhat')}
          placeholder={t('card.planWhatPlaceholder')}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && void plan()}
        />
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            size="xs"
            type="datetime-local"
            label={t('card.planWhen')}
            value={when}
            onChange={(e) => setWhen(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            size="xs"
            variant="light"
            onClick={() => void plan()}
            disabled={!ready}
            loading={saving}
          >
            {t('card.planAdd')}
          </Button>
        </Group>
      </Stack>
    </Panel>
  )
}
