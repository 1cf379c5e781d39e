import { Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ConversationAnswers as Answers } from '../../../shared/contacts/cardView'

const ORDER = [
  'howCanIHelp',
  'theirAdvice',
  'whomShouldTheyMeet',
  'whomShouldIMeet',
  'seed',
] as const

/**
 * What was said in a conversation: the four questions and the seed, each under its own label,
 * only those that were answered. `card` and `onUse` offer a value to the card where the card
 * holds something else (the conversation never overwrites the card by itself).
 */
export function ConversationAnswers(props: {
  answers: Answers
  card?: { theirAdvice: string; seed: string }
  onUse?: (patch: { theirAdvice: string } | { seed: string }) => void
}) {
  const { t } = useTranslation()
  const { answers, card, onUse } = props
  const given = ORDER.filter((key) => answers[key].trim() !== '')
  if (given.length === 0) return null
  const differs = (key: 'theirAdvice' | 'seed') =>
    !!card && !!onUse && answers[key].trim() !== '' && card[key].trim() !== answers[key].trim()
  return (
    <Stack gap={2} data-testid="conversation-answers">
      {given.map((key) => (
        <Text key={key} size="xs" style={{ whiteSpace: 'pre-line' }}>
          {t('card.answers.labelled', {
            label: t(`card.answers.${key}`),
            value: answers[key].trim(),
          })}
        </Text>
      ))}
      {(differs('theirAdvice') || differs('seed')) && (
        <Group gap="xs">
          {differs('theirAdvice') && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => onUse?.({ theirAdvice: answers.theirAdvice.trim() })}
            >
              {t('card.answers.useAdvice')}
            </Button>
          )}
          {differs('seed') && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => onUse?.({ seed: answers.seed.trim() })}
            >
              {t('card.answers.useSeed')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  )
}
