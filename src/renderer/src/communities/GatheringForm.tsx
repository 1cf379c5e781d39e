import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { gatheringInputSchema } from '../../../shared/communities/communityOperations'
import { timeZoneSchema } from '../../../shared/events/eventOperations'
import type { Gathering } from '../../../shared/model'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'
import { useContractForm } from '../forms/useContractForm'
import { fromZonedInput, isTimeZone, localTimeZone } from '../format/zonedTime'

/** The contract's input, with the time zone checked here rather than only by the core. */
const gatheringFormSchema = gatheringInputSchema.extend({ timeZone: timeZoneSchema })

type Draft = {
  title: string
  startsAt: string
  timeZone: string
  venue: string
  inviteMembers: boolean
}

/** Plans a new gathering, by default inviting every member of its community. */
export function GatheringForm(props: {
  communityId?: string
  memberCount: number
  onClose: () => void
  onSaved: (gathering: Gathering) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const inputOf = (d: Draft) => ({
    ...(props.communityId ? { communityId: props.communityId } : {}),
    title: d.title.trim(),
    // A time that cannot be read stays as typed, so the check names it; an unknown zone is
    // named on its own field, not on the time as well.
    startsAt: fromZonedInput(d.startsAt, isTimeZone(d.timeZone) ? d.timeZone : 'UTC') ?? d.startsAt,
    timeZone: d.timeZone,
    venue: d.venue,
    inviteMembers: d.inviteMembers,
  })
  const { form, submit, showCoreErrors } = useContractForm<Draft>({
    initialValues: {
      title: '',
      startsAt: '',
      timeZone: localTimeZone(),
      venue: '',
      inviteMembers: Boolean(props.communityId),
    },
    schema: gatheringFormSchema,
    toInput: inputOf,
    wording: {
      title: { label: t('communities.gathering.title') },
      timeZone: { invalid: 'forms.timeZone' },
    },
  })

  const save = submit(async (draft) => {
    try {
      props.onSaved(await api['gatherings.create'](inputOf(draft)))
    } catch (caught) {
      if (!showCoreErrors(caught))
        notifications.show({
          color: 'red',
          title: t('errors.title'),
          message: errorText(t, caught),
        })
    }
  })

  return (
    <Modal opened onClose={props.onClose} title={t('communities.gathering.newTitle')} size="md">
      <Stack>
        <TextInput
          label={t('communities.gathering.title')}
          {...form.getInputProps('title')}
          required
          data-autofocus
        />
        <TextInput
          type="datetime-local"
          label={t('communities.gathering.startsAt')}
          {...form.getInputProps('startsAt')}
          required
        />
        <TextInput
          label={t('communities.gathering.timeZone')}
          {...form.getInputProps('timeZone')}
        />
        <TextInput label={t('communities.gathering.venue')} {...form.getInputProps('venue')} />
        {props.communityId && (
          <Checkbox
            label={t('communities.gathering.inviteMembers', { count: props.memberCount })}
            {...form.getInputProps('inviteMembers', { type: 'checkbox' })}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save()} loading={form.submitting}>
            {t('communities.gathering.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
