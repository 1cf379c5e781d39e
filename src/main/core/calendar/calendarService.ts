import type { Language, Settings } from '../../../shared/model'
import type { ParsedInputOf } from '../../../shared/contract'
import { RapportError } from '../../../shared/errors'
import { checkAutoExportTarget, writeAutoExport } from './autoExportTarget'
import { exportIcs, IcsAutoExporter } from './icsExport'
import type { Clock } from '../clock'
import type { JournaledStore } from '../store/journaledStore'

const AUTO_EXPORT_DELAY_MS = 300

/** The .ics export, and the file kept up to date after every change when the user asked for it. */
export function createCalendarService(
  store: JournaledStore,
  clock: Clock,
  language: () => Language,
  target: {
    /** Where a typed-in path may point: the data folder and any --export-dir. */
    allowedFolders: string[]
    /** The desktop app's save dialog; absent in browser mode. */
    chooseFile?: () => Promise<string | null>
  },
) {
  const everything = { followUps: true, events: true, gatherings: true }
  let auto: { exporter: IcsAutoExporter; language: Language } | null = null
  let timer: NodeJS.Timeout | undefined

  const autoExport = async () => {
    const path = store.read().settings.reminders.autoExportPath
    if (!path) return
    // The exporter caches rendered entries for its options; a new language needs a new one.
    const wanted = language()
    if (auto?.language !== wanted) {
      const options = { include: everything, calendarName: 'Rapport', language: wanted }
      auto = { exporter: new IcsAutoExporter(options), language: wanted }
    }
    await writeAutoExport(path, auto.exporter.renderBytes(store.read(), clock.now()))
  }

  /** Checks the file, keeps the path and writes the calendar at once, so a problem shows now. */
  const useAutoExportPath = async (path: string, fromDialog: boolean): Promise<Settings> => {
    if (path !== '') {
      await checkAutoExportTarget(path, {
        // A file the user picked in the save dialog may be anywhere they can write.
        allowedFolders: fromDialog ? null : target.allowedFolders,
      })
    }
    const settings = await store.update((tx) => {
      const next = {
        ...tx.data.settings,
        reminders: { ...tx.data.settings.reminders, autoExportPath: path },
      }
      tx.setSettings(next)
      return next
    })
    await autoExport()
    return settings
  }
  const unsubscribe = store.onChange(() => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      autoExport().catch((error: unknown) =>
        console.error('Rapport: calendar auto-export failed', error),
      )
    }, AUTO_EXPORT_DELAY_MS)
    timer.unref?.()
  })

  return {
    export({ include, from, to }: ParsedInputOf<'calendar.export'>): {
      fileName: string
      text: string
    } {
      const now = clock.now()
      const text = exportIcs(store.read(), {
        include,
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        now,
        calendarName: 'Rapport',
        language: language(),
      })
      return { fileName: `rapport-${now.toISOString().slice(0, 10)}.ics`, text }
    },
    autoExportNow: autoExport,
    setAutoExport: (path: string) => useAutoExportPath(path.trim(), false),
    async chooseAutoExport(): Promise<{ chosen: boolean; settings: Settings }> {
      if (!target.chooseFile) {
        throw new RapportError(
          'UNSUPPORTED',
          'Choosing the calendar file with a dialog works in the desktop app only',
        )
      }
      const path = await target.chooseFile()
      if (path === null) return { chosen: false, settings: store.read().settings }
      return { chosen: true, settings: await useAutoExportPath(path, true) }
    },
    stop() {
      clearTimeout(timer)
      unsubscribe()
    },
  }
}
