import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorText } from '../api/errorText'

/**
 * A "Delete" button that asks first, deletes, leaves the page, and offers undo for a while:
 * `remove` answers what `restore` needs to put everything back.
 */
export function DeleteWithUndo<T>(props: {
  /** The button's words, e.g. "Delete event". */
  label: string
  name: string
  /** What else the deletion touches, in a sentence. */
  consequence: string
  /** The question and the notice; by default "Delete “name”?" and "“name” deleted." */
  confirmTitle?: string
  deletedMessage?: string
  remove: () => Promise<T>
  restore: (removed: T) => Promise<unknown>
  /** Where to go after deleting, and after undoing. */
  leaveTo: () => void
  backTo: () => void
}) {
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  const showError = (caught: unknown) =>
    notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })

  const confirm = async () => {
    setAsking(false)
    try {
      const removed = await props.remove()
      props.leaveTo()
      const note = notifications.show({
        autoClose: 8000,
        message: (
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">
              {props.deletedMessage ?? t('removal.deleted', { name: props.name })}
            </Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => {
                notifications.hide(note)
                void props.restore(removed).then(props.backTo, showError)
              }}
            >
              {t('common.undo')}
            </Button>
          </Group>
        ),
      })
    } catch (caught) {
      showError(caught)
    }
  }

  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setAsking(true)}>
        {props.label}
      </Button>
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={props.confirmTitle ?? t('removal.confirmTitle', { name: props.name })}
      >
        <Stack>
          <Text size="sm">{props.consequence}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => void confirm()} data-autofocus>
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
