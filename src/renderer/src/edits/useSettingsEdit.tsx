import { useState, type ReactNode } from 'react'
import type { InputOf } from '../../../shared/contract'
import type { EditConflict } from '../../../shared/store/versionedEdit'
import type { Settings } from '../../../shared/model'
import { useApi } from '../api/ApiContext'
import { useAppState } from '../AppContext'
import { ConflictNotice } from './ConflictNotice'
import { changesOf, editConflictOf, withValueAt, type ConflictChoice } from './editConflict'

type Section = 'me' | 'reminders'

/**
 * A settings card's form: it saves only the fields the user changed, with the values they had
 * when the page opened, so another window's change to another setting is kept and one to the
 * same setting is shown next to the user's instead of being overwritten.
 */
export function useSettingsEdit<K extends Section>(
  section: K,
  paths: readonly string[],
  labels: Record<string, string>,
): {
  draft: Settings[K]
  setDraft: (update: (current: Settings[K]) => Settings[K]) => void
  /** Resolves false when another window's change must be looked at first; throws other errors. */
  save: () => Promise<boolean>
  conflictNotice: ReactNode
} {
  const api = useApi()
  const { settings, setSettings } = useAppState()
  const [started, setStarted] = useState(settings)
  const [draft, setDraftState] = useState(settings[section])
  const [conflict, setConflict] = useState<EditConflict | null>(null)

  const saveFrom = async (from: Settings, value: Settings[K]): Promise<boolean> => {
    const { patch, base } = changesOf(
      { [section]: from[section] },
      { [section]: value },
      paths,
      from,
    )
    if (Object.keys(patch).length === 0) return true
    try {
      const saved = await api['settings.update']({
        ...(patch as Omit<InputOf<'settings.update'>, 'base'>),
        base: base as InputOf<'settings.update'>['base'],
      })
      setSettings(saved)
      setStarted(saved)
      setConflict(null)
      return true
    } catch (caught) {
      const refused = editConflictOf(caught)
      if (!refused) throw caught
      setConflict(refused)
      return false
    }
  }

  const resolve = (choices: Record<string, ConflictChoice>) => {
    if (!conflict) return
    let rebased = started
    let mine: Record<string, unknown> = { [section]: draft }
    for (const path of conflict.fields) {
      rebased = withValueAt(rebased, path, conflict.current[path])
      if (choices[path] === 'theirs') mine = withValueAt(mine, path, conflict.current[path])
    }
    const next = mine[section] as Settings[K]
    setStarted(rebased)
    setDraftState(next)
    setConflict(null)
    void saveFrom(rebased, next)
  }

  return {
    draft,
    setDraft: (update) => setDraftState(update),
    save: () => saveFrom(started, draft),
    conflictNotice: conflict ? (
      <ConflictNotice
        key={JSON.stringify(conflict.current)}
        conflict={conflict}
        mine={{ [section]: draft }}
        labels={labels}
        onResolve={resolve}
      />
    ) : null,
  }
}
