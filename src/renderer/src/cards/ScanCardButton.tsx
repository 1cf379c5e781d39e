import { Alert, Button, FileButton, Group, Loader, Modal, Stack, Text } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CardScan } from '../../../shared/cards/cardOperations'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'
import { blobToBase64 } from '../contacts/usePhoto'
import { TakePhotoButton } from './TakePhoto'

const MAX_BYTES = 10 * 1024 * 1024

/** One card read: what `cards.scan` found, and the image it read (base64). */
export interface ReadCard {
  scan: CardScan
  image: string
  file: File
}

/**
 * "Scan a card" where one person is at hand (quick capture, a contact's card): a photo from a
 * file or the webcam, read by `cards.scan` as the Scan cards page reads a stack.
 */
export function ScanCardButton({
  onRead,
  size = 'xs',
}: {
  onRead: (read: ReadCard) => void
  size?: 'xs' | 'sm'
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [open, setOpen] = useState(false)
  const [reading, setReading] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const resetPick = useRef<() => void>(null)

  const read = async (file: File | null) => {
    resetPick.current?.()
    if (!file) return
    setProblem(null)
    if (!file.type.startsWith('image/')) return setProblem(t('scanCards.one.notImage'))
    if (file.size > MAX_BYTES) return setProblem(t('scanCards.tooLarge', { name: file.name }))
    setReading(true)
    try {
      const image = await blobToBase64(file)
      const scan = await api['cards.scan']({ image })
      if (!scan.fields.name && scan.fields.phones.length + scan.fields.emails.length === 0) {
        setProblem(t('scanCards.one.nothing'))
        return
      }
      setOpen(false)
      onRead({ scan, image, file })
    } catch (caught) {
      setProblem(t('scanCards.failed', { message: errorText(t, caught) }))
    } finally {
      setReading(false)
    }
  }

  return (
    <>
      <Button
        variant="default"
        size={size}
        onClick={() => {
          setProblem(null)
          setOpen(true)
        }}
      >
        {t('scanCards.one.button')}
      </Button>
      <Modal
        opened={open}
        onClose={() => !reading && setOpen(false)}
        title={t('scanCards.one.title')}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('scanCards.one.hint')}
          </Text>
          {reading ? (
            <Group gap="xs">
              <Loader size="sm" />
              <Text>{t('scanCards.reading')}</Text>
            </Group>
          ) : (
            <Group>
              <FileButton
                accept="image/png,image/jpeg,image/webp"
                resetRef={resetPick}
                onChange={(file) => void read(file)}
              >
                {(props) => (
                  <Button variant="light" {...props}>
                    {t('scanCards.one.pick')}
                  </Button>
                )}
              </FileButton>
              <TakePhotoButton onPhoto={(file) => void read(file)} />
            </Group>
          )}
          {problem && (
            <Alert color="red" data-testid="scan-problem">
              {problem}
            </Alert>
          )}
        </Stack>
      </Modal>
    </>
  )
}
