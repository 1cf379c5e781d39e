import { useDebouncedValue } from '@mantine/hooks'
import { useEffect, useState } from 'react'
import type { ComboboxItem, OptionsFilter } from '@mantine/core'
import { useApi } from '../api/ApiContext'

/** Options shown at once: a short list to pick from, however large the network. */
const OPTIONS = 30

/** The contact search already filtered and ordered the options: show them as they are. */
const asAnswered: OptionsFilter = ({ options }) => options

/**
 * The map's "find a person" options, straight from the same contact search as the Contacts page:
 * pinyin, initials ("zw", "zhangwei" find 张伟) and organisations, in its order. Only people on
 * the map are offered (`labelOf` says who is, and their name); the page never scans the network
 * for them. The chosen person stays among the options so the field can show their name.
 */
export function useContactSearchOptions(
  keyOf: (contactId: string) => string,
  labelOf: (key: string) => string | undefined,
  selected: string | null,
): {
  data: ComboboxItem[]
  onSearchChange: (text: string) => void
  filter: OptionsFilter
} {
  const api = useApi()
  const [text, setText] = useState('')
  const [debounced] = useDebouncedValue(text, 100)
  const [answer, setAnswer] = useState<{ text: string; options: ComboboxItem[] }>({
    text: '',
    options: [],
  })
  useEffect(() => {
    let cancelled = false
    const wanted = debounced.trim()
    if (!wanted) return
    // Archived people are not on the map: ask for a few more than are shown.
    api['contacts.search']({ text: wanted, limit: OPTIONS * 2 }).then(
      (result) => {
        if (cancelled) return
        const options = result.items.flatMap((c) => {
          const key = keyOf(c.id)
          const label = labelOf(key)
          return label === undefined ? [] : [{ value: key, label }]
        })
        setAnswer({ text: debounced, options: options.slice(0, OPTIONS) })
      },
      () => undefined,
    )
    return () => {
      cancelled = true
    }
  }, [api, debounced, keyOf, labelOf])

  // Until the answer for what is typed arrives, the previous answer stays (no flicker).
  const options = text.trim() ? answer.options : []
  const chosen = selected ? labelOf(selected) : undefined
  const data =
    selected && chosen !== undefined && !options.some((o) => o.value === selected)
      ? [...options, { value: selected, label: chosen }]
      : options
  return { data, onSearchChange: setText, filter: asAnswered }
}
