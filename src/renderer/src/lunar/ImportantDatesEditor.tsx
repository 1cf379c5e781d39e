import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Contact, Language } from '../../../shared/model'
import {
  formatLunarWithGregorian,
  lunarOf,
  nextLunarOccurrence,
} from '../../../shared/lunar/lunarDate'

type ImportantDate = Contact['importantDates'][number]

/** With a lunar calendar the lunar month and day are read from the Gregorian day it began. */
function withCalendar(item: ImportantDate, calendar: 'gregorian' | 'lunar'): ImportantDate {
  const { lunar: _old, ...rest } = item
  if (calendar === 'gregorian') return { ...rest, calendar }
  const lunar = lunarOf(item.date)
  return lunar ? { ...rest, calendar, lunar } : { ...rest, calendar: 'gregorian' }
}

/** "农历八月十五 · 2027年9月15日": the lunar day and the Gregorian day it next falls on. */
function lunarLine(item: ImportantDate, language: Language): string | null {
  if (item.calendar !== 'lunar' || !item.lunar) return null
  const since = /^(\d{4})-(\d{2})-(\d{2})$/.exec(item.date)
  if (!since) return null
  const next = nextLunarOccurrence(
    item.lunar,
    new Date(Number(since[1]), Number(since[2]) - 1, Number(since[3])),
    new Date(),
  )
  return formatLunarWithGregorian(item.lunar, next, language)
}

/** The card's important dates: label, the day it began, Gregorian or lunar (农历). */
export function ImportantDatesEditor(props: {
  label: string
  items: ImportantDate[]
  onChange: (items: ImportantDate[]) => void
}) {
  const { t, i18n } = useTranslation()
  const language: Language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en'
  const update = (index: number, item: ImportantDate) =>
    props.onChange(props.items.map((old, i) => (i === index ? item : old)))
  return (
    <Stack gap={4} data-testid="important-dates">
      <Text size="sm" fw={500}>
        {props.label}
      </Text>
      {props.items.map((item, index) => {
        const name = `${props.label} ${index + 1}`
        const calendar = item.calendar ?? 'gregorian'
        const line = lunarLine(item, language)
        return (
          <Stack key={index} gap={2}>
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                aria-label={`${name} ${t('card.fields.dateLabel')}`}
                placeholder={t('card.fields.dateLabel')}
                value={item.label}
                onChange={(e) => update(index, { ...item, label: e.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <TextInput
                aria-label={`${name} ${t('card.fields.date')}`}
                type="date"
                value={item.date}
                onChange={(e) =>
                  update(index, withCalendar({ ...item, date: e.currentTarget.value }, calendar))
                }
                style={{ flex: 2 }}
              />
              <Select
                aria-label={`${name} ${t('lunar.calendar')}`}
                data={[
                  { value: 'gregorian', label: t('lunar.gregorian') },
                  { value: 'lunar', label: t('lunar.lunar') },
                ]}
                value={calendar}
                onChange={(value) =>
                  value && update(index, withCalendar(item, value as 'gregorian' | 'lunar'))
                }
                allowDeselect={false}
                w={130}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`${t('card.fields.remove')} ${name}`}
                onClick={() => props.onChange(props.items.filter((_, i) => i !== index))}
                mb={4}
              >
                ×
              </ActionIcon>
            </Group>
            {line && (
              <Text size="sm" c="dimmed" data-testid="lunar-date">
                {line}
              </Text>
            )}
          </Stack>
        )
      })}
      <Button
        variant="subtle"
        size="compact-sm"
        w="fit-content"
        onClick={() => props.onChange([...props.items, { label: '', date: '' }])}
      >
        + {t('card.fields.add')}
      </Button>
    </Stack>
  )
}
