import { MultiSelect, Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useEffect, useState } from 'react'
import { useApi } from '../api/ApiContext'

type Option = { value: string; label: string }

/** Options for a contact picker: search results for what is typed, plus the chosen ones. */
function useContactOptions(
  search: string,
  chosenIds: string[],
  names: Record<string, string>,
  excludeId?: string,
): Option[] {
  const api = useApi()
  const [debounced] = useDebouncedValue(search, 120)
  const [found, setFound] = useState<Option[]>([])
  // Names of everyone offered so far, so a chosen person keeps their label after the search changes.
  const [seen, setSeen] = useState<Record<string, string>>({})
  useEffect(() => {
    let cancelled = false
    api['contacts.search']({ text: debounced, limit: 20 }).then(
      (result) => {
        if (cancelled) return
        setFound(result.items.map((c) => ({ value: c.id, label: c.name })))
        setSeen((previous) => ({
          ...previous,
          ...Object.fromEntries(result.items.map((c) => [c.id, c.name])),
        }))
      },
      () => undefined,
    )
    return () => {
      cancelled = true
    }
  }, [api, debounced])
  const chosen = chosenIds.map((id) => ({ value: id, label: names[id] ?? seen[id] ?? id }))
  const all = new Map<string, Option>()
  for (const option of [...chosen, ...found])
    if (option.value !== excludeId) all.set(option.value, option)
  return [...all.values()]
}

export function ContactPicker(props: {
  label: string
  value: string | null
  names: Record<string, string>
  excludeId?: string
  onChange: (id: string | null) => void
}) {
  const [search, setSearch] = useState('')
  const data = useContactOptions(
    search,
    props.value ? [props.value] : [],
    props.names,
    props.excludeId,
  )
  return (
    <Select
      label={props.label}
      data={data}
      value={props.value}
      onChange={props.onChange}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage="—"
    />
  )
}

export function ContactMultiPicker(props: {
  label: string
  value: string[]
  names: Record<string, string>
  excludeId?: string
  onChange: (ids: string[]) => void
}) {
  const [search, setSearch] = useState('')
  const data = useContactOptions(search, props.value, props.names, props.excludeId)
  return (
    <MultiSelect
      label={props.label}
      data={data}
      value={props.value}
      onChange={props.onChange}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
    />
  )
}
