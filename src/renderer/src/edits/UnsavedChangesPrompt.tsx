import { Button, Group, Modal, Text } from '@mantine/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useBlocker } from 'react-router-dom'

/**
 * Asks before the user leaves a page with unsaved changes: a move inside the app (a link, the
 * sidebar, a reminder) waits for an answer; closing or reloading the window gets the browser's
 * own question.
 */
export function UnsavedChangesPrompt({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation()
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname,
  )
  useEffect(() => {
    if (!dirty) return
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      // Older browsers show the question only when returnValue is set.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', ask)
    return () => window.removeEventListener('beforeunload', ask)
  }, [dirty])
  const blocked = blocker.state === 'blocked'
  return (
    <Modal
      opened={blocked}
      onClose={() => blocker.reset?.()}
      title={t('edits.leaveTitle')}
      centered
    >
      <Text size="sm" mb="md">
        {t('edits.leaveBody')}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => blocker.proceed?.()}>
          {t('edits.leave')}
        </Button>
        <Button data-autofocus onClick={() => blocker.reset?.()}>
          {t('edits.stay')}
        </Button>
      </Group>
    </Modal>
  )
}
