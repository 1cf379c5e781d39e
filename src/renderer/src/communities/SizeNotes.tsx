import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GatheringView } from '../../../shared/communities/communityOperations'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'
import { useGatheringUpdate } from './GatheringDetails'
import { fromZonedInput, toZonedInput } from '../format/zonedTime'

/** Moves the later half of the guests to the same gathering on another date. */
function SplitIntoTwoDates(props: { view: GatheringView; onView: (v: GatheringView) => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const g = props.view.gathering
  const [when, setWhen] = useState(
    toZonedInput(new Date(Date.parse(g.startsAt) + 7 * 86_400_000).toISOString(), g.timeZone),
  )
  const startsAt = fromZonedInput(when, g.timeZone)
  const split = async () => {
    if (!startsAt) return
    try {
      const { created } = await api['gatherings.splitIntoTwoDates']({ id: g.id, startsAt })
      props.onView(await api['gatherings.view']({ id: g.id }))
      notifications.show({
        color: 'teal',
        message: (
          // Notifications live outside the router: a plain link to the hash route.
          <Anchor href={`#/communities/gatherings/${created.id}`} size="sm">
            {t('communities.size.splitDone', { count: created.attendees.length })}
          </Anchor>
        ),
      })
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    }
  }
  return (
    <Group gap="xs" align="flex-end">
      <TextInput
        size="xs"
        type="datetime-local"
        label={t('communities.size.secondDate')}
        value={when}
        onChange={(e) => setWhen(e.currentTarget.value)}
      />
      <Button size="xs" variant="light" disabled={!startsAt} onClick={() => void split()}>
        {t('communities.size.twoDates')}
      </Button>
    </Group>
  )
}

/**
 * Above 15 guests people stop having one-to-one conversations, and one round table makes a
 * room talk as one group; each note explains why and offers a way out.
 */
export function SizeNotes(props: { view: GatheringView; onView: (v: GatheringView) => void }) {
  const { t } = useTranslation()
  const update = useGatheringUpdate(props.view, props.onView)
  const guests = props.view.gathering.attendees.filter((a) => a.rsvp !== 'no').length
  const people = guests + 1
  const perSide = (tables: number) => Math.min(20, Math.max(1, Math.ceil(people / (2 * tables))))
  return (
    <Stack gap="xs">
      {props.view.sizeNotes.map((note) => (
        <Alert
          key={note.kind}
          color={note.kind === 'tooMany' ? 'orange' : 'yellow'}
          variant="light"
          title={t(
            `communities.size.${note.kind}.title`,
            note.kind === 'tooMany' ? { count: note.people } : {},
          )}
          data-testid={`size-note-${note.kind}`}
        >
          <Stack gap="xs">
            <Text size="sm">
              {note.kind === 'notEnoughSeats'
                ? t('communities.size.notEnoughSeats.body', {
                    people: note.people,
                    seats: note.seats,
                  })
                : t(`communities.size.${note.kind}.body`)}
            </Text>
            <Group gap="xs">
              {note.kind === 'tooMany' && props.view.gathering.tables.length < 2 && (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() =>
                    void update({
                      tables: [
                        { shape: 'long', seatsPerSide: perSide(2) },
                        { shape: 'long', seatsPerSide: perSide(2) },
                      ],
                    })
                  }
                >
                  {t('communities.size.twoTables')}
                </Button>
              )}
              {note.kind === 'singleRoundTable' && (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() =>
                    void update({ tables: [{ shape: 'long', seatsPerSide: perSide(1) }] })
                  }
                >
                  {t('communities.size.useLong')}
                </Button>
              )}
              {note.kind === 'notEnoughSeats' && (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() =>
                    void update({ tables: [{ shape: 'long', seatsPerSide: perSide(1) }] })
                  }
                >
                  {t('communities.size.fitEveryone', { count: perSide(1) })}
                </Button>
              )}
            </Group>
            {note.kind === 'tooMany' && (
              <SplitIntoTwoDates view={props.view} onView={props.onView} />
            )}
          </Stack>
        </Alert>
      ))}
    </Stack>
  )
}
