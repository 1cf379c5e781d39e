import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CardOffer } from './cardScanOffer'

/** The read card's fields beside the contact: tick what to take into the form. */
export function CardOffersDialog({
  offers,
  onApply,
  onClose,
}: {
  offers: CardOffer[]
  onApply: (chosen: Set<string>) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState(
    () => new Set(offers.filter((o) => o.checked).map((o) => o.key)),
  )
  const toggle = (key: string, on: boolean) =>
    setChosen((all) => {
      const next = new Set(all)
      if (on) next.add(key)
      else next.delete(key)
      return next
    })
  return (
    <Modal opened onClose={onClose} title={t('scanCards.offer.title')} size="lg">
      <Stack>
        {offers.length === 0 ? (
          <Text>{t('scanCards.offer.none')}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('scanCards.offer.hint')}
            </Text>
            {offers.map((offer) => (
              <Checkbox
                key={offer.key}
                checked={chosen.has(offer.key)}
                onChange={(event) => toggle(offer.key, event.currentTarget.checked)}
                label={`${t(`scanCards.offer.field.${offer.field}`)}${t('common.colon')}${offer.value}`}
                description={
                  offer.replaces !== undefined
                    ? t('scanCards.offer.replaces', { current: offer.replaces })
                    : undefined
                }
              />
            ))}
          </>
        )}
        <Group justify="end">
          <Button variant="subtle" color="gray" onClick={onClose}>
            {t('scanCards.camera.cancel')}
          </Button>
          {offers.length > 0 && (
            <Button disabled={chosen.size === 0} onClick={() => onApply(chosen)}>
              {t('scanCards.offer.apply')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  )
}
