import { useTranslation } from 'react-i18next'
import { ME_ID } from '../../../shared/model'

/** A person in a gathering: a contact's name, or "Me (host)" for the user. */
export function usePersonName(names: Record<string, string>): (id: string) => string {
  const { t } = useTranslation()
  return (id: string) =>
    id === ME_ID ? t('communities.me') : (names[id] ?? t('communities.unknownPerson'))
}
