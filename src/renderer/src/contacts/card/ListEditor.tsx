import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Rows of label + value (emails, phones, links, dates) with add and remove. */
export function ListEditor<T extends Record<string, string>>(props: {
  label: string
  items: T[]
  empty: T
  columns: {
    key: keyof T & string
    label: string
    type?: string
    /** How a stored value is shown and what typed text is stored as (translated labels). */
    display?: (stored: string) => string
    parse?: (typed: string) => string
    options?: { value: string; label: string }[]
  }[]
  onChange: (items: T[]) => void
}) {
  const { t } = useTranslation()
  const update = (index: number, key: keyof T, value: string) =>
    props.onChange(props.items.map((item, i) => (i === index ? { ...item, [key]: value } : item)))
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {props.label}
      </Text>
      {props.items.map((item, index) => (
        <Group key={index} gap="xs" wrap="nowrap" align="flex-end">
          {props.columns.map((column) =>
            column.options ? (
              <Select
                key={column.key}
                aria-label={`${props.label} ${index + 1} ${column.label}`}
                data={column.options}
                value={item[column.key]}
                onChange={(value) => value && update(index, column.key, String(value))}
                allowDeselect={false}
                w={130}
              />
            ) : (
              <TextInput
                key={column.key}
                aria-label={`${props.label} ${index + 1} ${column.label}`}
                placeholder={column.label}
                type={column.type}
                value={column.display ? column.display(item[column.key]!) : item[column.key]}
                onChange={(e) => {
                  const typed = e.currentTarget.value
                  update(index, column.key, column.parse ? column.parse(typed) : typed)
                }}
                style={{ flex: column.key === 'value' || column.key === 'date' ? 2 : 1 }}
              />
            ),
          )}
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`${t('card.fields.remove')} ${props.label} ${index + 1}`}
            onClick={() => props.onChange(props.items.filter((_, i) => i !== index))}
            mb={4}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        w="fit-content"
        onClick={() => props.onChange([...props.items, { ...props.empty }])}
      >
        + {t('card.fields.add')}
      </Button>
    </Stack>
  )
}
