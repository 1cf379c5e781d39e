import { useDebouncedValue } from '@mantine/hooks'
import { useEffect, useState } from 'react'
import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core'
import { useApi } from '../api/ApiContext'

/**
 * The map's person search, through the same contact search as the Contacts page: pinyin,
 * initials ("zw", "zhangwei" find 张伟) and organisations, in its order. Until the answer for
 * what is typed arrives, names containing the text are shown.
 */
export function useContactSearchFilter(keyOf: (contactId: string) => string): {
  onSearchChange: (text: string) => void
  filter: OptionsFilter
} {
  const api = useApi()
  const [text, setText] = useState('')
  const [debounced] = useDebouncedValue(text, 100)
  const [answer, setAnswer] = useState<{ text: string; keys: string[] }>()
  useEffect(() => {
    let cancelled = false
    if (!debounced.trim()) return
    api['contacts.search']({ text: debounced, limit: 5000 }).then(
      (result) => {
        if (!cancelled) setAnswer({ text: debounced, keys: result.items.map((c) => keyOf(c.id)) })
      },
      () => undefined,
    )
    return () => {
      cancelled = true
    }
  }, [api, debounced, keyOf])

  const filter: OptionsFilter = ({ options, search }) => {
    const items = options.filter((o): o is ComboboxItem => 'value' in o)
    if (!search.trim()) return options
    if (answer && answer.text === search) {
      const byKey = new Map(items.map((o) => [o.value, o]))
      return answer.keys.flatMap((key) => byKey.get(key) ?? []) as ComboboxParsedItem[]
    }
    const needle = search.trim().toLowerCase()
    return items.filter((o) => o.label.toLowerCase().includes(needle))
  }
  return { onSearchChange: setText, filter }
}
