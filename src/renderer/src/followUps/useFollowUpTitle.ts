import { useTranslation } from 'react-i18next'
import { followUpTitle } from '../../../shared/followUps/followUpWords'
import type { GeneratedTitle } from '../../../shared/followUps/followUp'
import { languageFromLocale } from '../../../shared/language'

/** Words a follow-up's title in the interface language (generated titles follow a switch). */
export function useFollowUpTitle(): (followUp: {
  title: string
  titleKind?: GeneratedTitle | undefined
}) => string {
  const { i18n } = useTranslation()
  const language = languageFromLocale(i18n.language)
  return (followUp) => followUpTitle(followUp, language)
}
