import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { activityKindSchema, type Community } from '../../../shared/model'
import { useApi } from '../api/ApiContext'
import { ContactMultiPicker } from '../contacts/ContactPicker'
import { errorText } from '../api/errorText'
import { formatDate } from '../format/formatDate'
import { VirtualStack } from '../lists/VirtualStack'

/** What happened in the community: the health check reads it. Removing an entry can be undone. */
export function ActivityLog(props: { community: Community; names: Record<string, string> }) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [kind, setKind] = useState<string>('question')
  const [title, setTitle] = useState('')
  const [day, setDay] = useState(new Date().toISOString().slice(0, 10))
  const [participantIds, setParticipantIds] = useState<string[]>([])
  const fail = (caught: unknown) =>
    notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })

  const add = async () => {
    try {
      await api['communities.logActivity']({
        communityId: props.community.id,
        kind: kind as Community['activities'][number]['kind'],
        title: title.trim(),
        at: new Date(`${day}T12:00:00`).toISOString(),
        participantIds,
      })
      setTitle('')
      setParticipantIds([])
    } catch (caught) {
      fail(caught)
    }
  }

  const remove = async (activity: Community['activities'][number]) => {
    try {
      await api['communities.removeActivity']({
        communityId: props.community.id,
        activityId: activity.id,
      })
      const id = `activity-removed-${activity.id}`
      notifications.show({
        id,
        message: (
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('communities.activity.removed')}</Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => {
                notifications.hide(id)
                void api['communities.logActivity']({
                  communityId: props.community.id,
                  kind: activity.kind,
                  title: activity.title,
                  at: activity.at,
                  participantIds: activity.participantIds,
                  note: activity.note,
                }).catch(fail)
              }}
            >
              {t('common.undo')}
            </Button>
          </Group>
        ),
      })
    } catch (caught) {
      fail(caught)
    }
  }

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="xs">
        <Select
          label={t('communities.activity.kind')}
          w={150}
          data={activityKindSchema.options.map((value) => ({
            value,
            label: t(`communities.activity.kinds.${value}`),
          }))}
          value={kind}
          onChange={(v) => v && setKind(v)}
          allowDeselect={false}
        />
        <TextInput
          label={t('communities.activity.what')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 180 }}
        />
        <TextInput
          type="date"
          label={t('communities.activity.when')}
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
          w={160}
        />
      </Group>
      <Group align="flex-end" gap="xs">
        <div style={{ flex: 1 }}>
          <ContactMultiPicker
            label={t('communities.activity.who')}
            value={participantIds}
            names={props.names}
            onChange={setParticipantIds}
          />
        </div>
        <Button variant="light" onClick={() => void add()} disabled={!day}>
          {t('communities.activity.add')}
        </Button>
      </Group>
      {props.community.activities.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('communities.activity.empty')}
        </Text>
      ) : (
        (() => {
          const newestFirst = [...props.community.activities].sort(
            (a, b) => Date.parse(b.at) - Date.parse(a.at),
          )
          const row = (a: (typeof newestFirst)[number]) => (
            <Group key={a.id} justify="space-between" wrap="nowrap" align="flex-start">
              <Text size="sm" style={{ flex: 1 }}>
                {formatDate(a.at, i18n.language)} · {t(`communities.activity.kinds.${a.kind}`)}
                {a.title && ` · ${a.title}`}
                {a.participantIds.length > 0 &&
                  ` · ${a.participantIds.map((id) => props.names[id] ?? '?').join(t('common.listSeparator'))}`}
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                onClick={() => void remove(a)}
              >
                {t('common.delete')}
              </Button>
            </Group>
          )
          // A long log scrolls in its own box down to its first entry.
          return newestFirst.length > 30 ? (
            <VirtualStack
              items={newestFirst}
              keyOf={(a) => a.id}
              estimate={30}
              maxHeight={420}
              gap={6}
              renderItem={row}
            />
          ) : (
            newestFirst.map(row)
          )
        })()
      )}
    </Stack>
  )
}
