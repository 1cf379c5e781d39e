import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Gathering } from '../../../shared/model'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'
import { fromZonedInput, isTimeZone, localTimeZone } from '../format/zonedTime'

/** Plans a new gathering, by default inviting every member of its community. */
export function GatheringForm(props: {
  communityId?: string
  memberCount: number
  onClose: () => void
  onSaved: (gathering: Gathering) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [title, setTitle] = useState('')
  const [when, setWhen] = useState('')
  const [timeZone, setTimeZone] = useState(localTimeZone())
  const [venue, setVenue] = useState('')
  const [inviteMembers, setInviteMembers] = useState(Boolean(props.communityId))
  const zoneOk = isTimeZone(timeZone)
  const startsAt = zoneOk && when ? fromZonedInput(when, timeZone) : null

  const save = async () => {
    if (!title.trim() || !startsAt) return
    try {
      props.onSaved(
        await api['gatherings.create']({
          ...(props.communityId ? { communityId: props.communityId } : {}),
          title: title.trim(),
          startsAt,
          timeZone,
          venue,
          inviteMembers,
        }),
      )
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    }
  }

  return (
    <Modal opened onClose={props.onClose} title={t('communities.gathering.newTitle')} size="md">
      <Stack>
        <TextInput
          label={t('communities.gathering.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          data-autofocus
        />
        <TextInput
          type="datetime-local"
          label={t('communities.gathering.startsAt')}
          value={when}
          onChange={(e) => setWhen(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t('communities.gathering.timeZone')}
          value={timeZone}
          onChange={(e) => setTimeZone(e.currentTarget.value)}
          error={zoneOk ? undefined : t('communities.gathering.badTimeZone')}
        />
        <TextInput
          label={t('communities.gathering.venue')}
          value={venue}
          onChange={(e) => setVenue(e.currentTarget.value)}
        />
        {props.communityId && (
          <Checkbox
            label={t('communities.gathering.inviteMembers', { count: props.memberCount })}
            checked={inviteMembers}
            onChange={(e) => setInviteMembers(e.currentTarget.checked)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} disabled={!title.trim() || !startsAt}>
            {t('communities.gathering.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
