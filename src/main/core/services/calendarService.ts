import type { Language } from '../../../shared/model'
import type { ParsedInputOf } from '../../../shared/contract'
import { exportIcs, IcsAutoExporter, writeIcsFile } from '../calendar/icsExport'
import type { Clock } from '../clock'
import type { JournaledStore } from '../store/journaledStore'

const AUTO_EXPORT_DELAY_MS = 300

/** The .ics export, and the file kept up to date after every change when the user asked for it. */
export function createCalendarService(
  store: JournaledStore,
  clock: Clock,
  language: () => Language,
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
    await writeIcsFile(path, auto.exporter.renderBytes(store.read(), clock.now()))
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
    stop() {
      clearTimeout(timer)
      unsubscribe()
    },
  }
}
