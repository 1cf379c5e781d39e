import { Card, Checkbox, SimpleGrid, Stack, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { CHECKLIST, type ChecklistPhase } from '../../../shared/events/eventChecklist'
import type { RapportEvent } from '../../../shared/model'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'

/** The before / during / after checklists; each tick is kept on the event. */
export function ChecklistPanel(props: {
  event: RapportEvent
  /** Items the app knows are done (checklistKnownDone): shown ticked, not to be unticked. */
  knownDone?: readonly string[]
  onChange: () => void
  phases?: ChecklistPhase[]
}) {
  const { t } = useTranslation()
  const api = useApi()
  const phases = props.phases ?? (Object.keys(CHECKLIST) as ChecklistPhase[])
  const toggle = async (item: string, done: boolean) => {
    try {
      await api['events.checklist']({ eventId: props.event.id, item, done })
      props.onChange()
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    }
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      {phases.map((phase) => (
        <Card withBorder key={phase}>
          <Title order={2} size="h4" mb="sm">
            {t(`events.checklist.${phase}.title`)}
          </Title>
          <Stack gap="xs">
            {CHECKLIST[phase].map((id) => {
              const item = `${phase}.${id}`
              const known = props.knownDone?.includes(item) ?? false
              return (
                <Checkbox
                  key={item}
                  label={t(`events.checklist.${phase}.${id}`)}
                  description={known ? t('events.checklistKnown') : undefined}
                  checked={known || props.event.checklist.includes(item)}
                  readOnly={known}
                  onChange={(e) => {
                    if (!known) void toggle(item, e.currentTarget.checked)
                  }}
                />
              )
            })}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  )
}
