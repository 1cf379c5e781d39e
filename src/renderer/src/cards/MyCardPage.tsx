import {
  Anchor,
  Button,
  Card,
  Center,
  Group,
  Image,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import QRCode from 'qrcode'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { myCardVcard } from '../../../shared/cards/myCardVcard'
import { useAppState } from '../AppContext'
import { PageHeader } from '../ui/PageHeader'
import { ReadQrCode } from './ReadQrCode'

/** My details from Settings → Me as a vCard QR code that any phone camera turns into a contact. */
export function MyCardPage() {
  const { t } = useTranslation()
  const { settings } = useAppState()
  const me = settings.me
  const [eventNote, setEventNote] = useState('')
  const [fullScreen, setFullScreen] = useState(false)
  const [image, setImage] = useState<string | null>(null)
  const vcard = useMemo(() => myCardVcard({ me, eventNote }), [me, eventNote])
  const hasName = me.name.trim() !== ''

  useEffect(() => {
    if (!hasName) return
    let cancelled = false
    // Medium error correction: still read from a phone screen with glare.
    void QRCode.toDataURL(vcard, { errorCorrectionLevel: 'M', margin: 4, width: 1024 }).then(
      (url) => !cancelled && setImage(url),
    )
    return () => {
      cancelled = true
    }
  }, [vcard, hasName])

  const shown: [string, string][] = [
    [t('qrCard.fields.name'), me.name],
    [t('qrCard.fields.phones'), me.phone],
    [t('qrCard.fields.emails'), me.email],
    [t('qrCard.fields.wechat'), me.wechat],
    [t('qrCard.fields.notes'), eventNote.trim()],
  ]

  return (
    <Stack maw={960}>
      <PageHeader title={t('qrCard.title')} subtitle={t('qrCard.subtitle')} />
      <Card withBorder>
        {hasName ? (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
            <Center>
              {image && (
                <Image
                  src={image}
                  alt={t('qrCard.qrAlt')}
                  w={380}
                  h={380}
                  style={{ imageRendering: 'pixelated' }}
                />
              )}
            </Center>
            <Stack>
              <TextInput
                label={t('qrCard.eventNote')}
                placeholder={t('qrCard.eventNotePlaceholder')}
                value={eventNote}
                maxLength={200}
                onChange={(e) => setEventNote(e.currentTarget.value)}
              />
              <Text size="sm" fw={500}>
                {t('qrCard.holds')}
              </Text>
              <Stack gap={2} data-testid="my-card-fields">
                {shown
                  .filter(([, value]) => value.trim() !== '')
                  .map(([label, value]) => (
                    <Text key={label} size="sm">
                      <Text span c="dimmed">
                        {t('qrCard.fieldLabel', { label })}
                      </Text>
                      {value}
                    </Text>
                  ))}
              </Stack>
              <Group>
                <Button onClick={() => setFullScreen(true)} disabled={!image}>
                  {t('qrCard.fullScreen')}
                </Button>
                <Anchor component={Link} to="/settings" size="sm">
                  {t('qrCard.editMe')}
                </Anchor>
              </Group>
            </Stack>
          </SimpleGrid>
        ) : (
          <Stack align="flex-start">
            <Text>{t('qrCard.noName')}</Text>
            <Button component={Link} to="/settings" variant="light">
              {t('qrCard.openSettings')}
            </Button>
          </Stack>
        )}
      </Card>
      <Modal
        opened={fullScreen}
        onClose={() => setFullScreen(false)}
        fullScreen
        title={me.name}
        closeButtonProps={{ 'aria-label': t('qrCard.close') }}
      >
        <Center h="calc(100vh - 120px)">
          {image && (
            <Image
              src={image}
              alt={t('qrCard.qrAlt')}
              w="min(90vw, calc(100vh - 140px))"
              h="min(90vw, calc(100vh - 140px))"
              style={{ imageRendering: 'pixelated' }}
            />
          )}
        </Center>
      </Modal>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('qrCard.readTitle')}
        </Title>
        <ReadQrCode />
      </Card>
    </Stack>
  )
}
