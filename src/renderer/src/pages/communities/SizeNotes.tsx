import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { GatheringView } from '../../../../shared/communityOperations'
import { useGatheringUpdate } from './GatheringDetails'

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
            note.kind === 'tooMany' ? { count: note.guests } : {},
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
              {note.kind === 'tooMany' && (
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
              <Text size="xs" c="dimmed">
                {t('communities.size.twoDates')}
              </Text>
            )}
          </Stack>
        </Alert>
      ))}
    </Stack>
  )
}
