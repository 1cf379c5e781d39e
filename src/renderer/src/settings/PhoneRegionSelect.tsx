import { Select } from '@mantine/core'
import { getCountries } from 'libphonenumber-js'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The region phone numbers without a country code are read in (for duplicates, import and
 * export in E.164). Region names come from the browser's Intl data in the interface language.
 */
export function PhoneRegionSelect(props: { value: string; onChange: (region: string) => void }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const regions = useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: 'region' })
    return getCountries()
      .map((code) => ({
        value: code,
        label: t('settings.phoneRegionName', { name: names.of(code) ?? code, code }),
      }))
      .sort((a, b) => a.label.localeCompare(b.label, language))
  }, [language, t])
  return (
    <Select
      label={t('settings.phoneRegion')}
      description={t('settings.phoneRegionHint')}
      searchable
      allowDeselect={false}
      maw={360}
      mt="md"
      data={[{ value: '', label: t('settings.phoneRegionAuto') }, ...regions]}
      value={props.value}
      onChange={(value) => props.onChange(value ?? '')}
    />
  )
}
