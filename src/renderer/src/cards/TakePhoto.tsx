import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/** Why the camera did not start, as the user can act on it. */
type CameraProblem = 'noCamera' | 'denied' | 'busy' | { message: string }

/** getUserMedia's errors by name (https://w3c.github.io/mediacapture-main/#dom-mediadevices-getusermedia). */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : ''
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError')
    return 'denied'
  if (
    name === 'NotFoundError' ||
    name === 'OverconstrainedError' ||
    name === 'DevicesNotFoundError'
  )
    return 'noCamera'
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError')
    return 'busy'
  return { message: error instanceof Error ? error.message : String(error) }
}

function stop(stream: MediaStream | null): void {
  stream?.getTracks().forEach((track) => track.stop())
}

/** The live picture and the shutter; mounted only while the dialog is open, so the camera is too. */
function CameraView({
  onPhoto,
  onCancel,
}: {
  onPhoto: (file: File) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const video = useRef<HTMLVideoElement>(null)
  const [problem, setProblem] = useState<CameraProblem | null>(null)
  const [live, setLive] = useState(false)

  useEffect(() => {
    let stream: MediaStream | null = null
    let gone = false
    const start = async () => {
      // No mediaDevices at all: an insecure page or a system without any capture support.
      if (!navigator.mediaDevices?.getUserMedia) {
        setProblem('noCamera')
        return
      }
      try {
        // The back camera where there is one; a sharp picture reads better than a fast one.
        const got = await navigator.mediaDevices.getUserMedia({
          audio: false,
          video: { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1080 } },
        })
        if (gone) {
          stop(got)
          return
        }
        stream = got
        const element = video.current
        if (!element) return
        element.srcObject = got
        await element.play()
        setLive(true)
      } catch (caught) {
        if (!gone) setProblem(cameraProblemOf(caught))
      }
    }
    void start()
    return () => {
      gone = true
      stop(stream)
    }
  }, [])

  const shoot = () => {
    const element = video.current
    if (!element || element.videoWidth === 0) return
    const canvas = document.createElement('canvas')
    canvas.width = element.videoWidth
    canvas.height = element.videoHeight
    canvas.getContext('2d')?.drawImage(element, 0, 0)
    canvas.toBlob(
      (blob) => {
        if (!blob) return
        const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')
        onPhoto(new File([blob], `camera-${stamp}.jpg`, { type: 'image/jpeg' }))
      },
      'image/jpeg',
      0.92,
    )
  }

  return (
    <Stack>
      {problem ? (
        <Alert color="red" title={t('scanCards.camera.problem')} data-testid="camera-problem">
          {typeof problem === 'string'
            ? t(`scanCards.camera.${problem}`)
            : t('scanCards.camera.failed', { message: problem.message })}
        </Alert>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('scanCards.camera.hint')}
          </Text>
          <div style={{ position: 'relative', background: 'black', borderRadius: 8 }}>
            <video
              ref={video}
              muted
              playsInline
              aria-label={t('scanCards.camera.preview')}
              style={{ width: '100%', display: 'block', borderRadius: 8 }}
            />
            {!live && (
              <Group justify="center" gap="xs" style={{ position: 'absolute', inset: 0 }}>
                <Loader size="sm" color="gray" />
                <Text c="gray.3">{t('scanCards.camera.starting')}</Text>
              </Group>
            )}
          </div>
        </>
      )}
      <Group justify="end">
        <Button variant="subtle" color="gray" onClick={onCancel}>
          {t('scanCards.camera.cancel')}
        </Button>
        {!problem && (
          <Button onClick={shoot} disabled={!live}>
            {t('scanCards.camera.take')}
          </Button>
        )}
      </Group>
    </Stack>
  )
}

/** "Take a photo (webcam)": a dialog with the camera's picture; the photo comes back as a file. */
export function TakePhotoButton({
  onPhoto,
  variant = 'light',
}: {
  onPhoto: (file: File) => void
  variant?: 'light' | 'default' | 'subtle'
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        {t('scanCards.camera.open')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('scanCards.camera.title')}
        size="lg"
      >
        {open && (
          <CameraView
            onCancel={() => setOpen(false)}
            onPhoto={(file) => {
              setOpen(false)
              onPhoto(file)
            }}
          />
        )}
      </Modal>
    </>
  )
}
