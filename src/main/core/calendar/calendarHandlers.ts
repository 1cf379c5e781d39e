import type { Handlers } from '../../../shared/contract'
import type { calendarOperations } from '../../../shared/calendar/calendarOperations'
import type { Language } from '../../../shared/model'
import type { CoreContext } from '../coreContext'
import type { JournaledStore } from '../store/journaledStore'
import { createCalendarService } from './calendarService'
import { createCalendarImportService } from './import/calendarImportService'

/** Answers the calendar's operations; `stop` ends the auto-export's watch. */
export function createCalendarHandlers(
  store: JournaledStore,
  context: CoreContext,
  language: () => Language,
): { handlers: Pick<Handlers, keyof typeof calendarOperations>; stop(): void } {
  const calendar = createCalendarService(store, context.clock, language, {
    allowedFolders: [context.dataDir, ...(context.exportFolders ?? [])],
    ...(context.chooseAutoExportFile ? { chooseFile: context.chooseAutoExportFile } : {}),
  })
  const calendarImport = createCalendarImportService(store, context.clock)
  return {
    handlers: {
      'calendar.importPreview': (input) => calendarImport.preview(input),
      'calendar.importCommit': (input) => calendarImport.commit(input),
      'calendar.export': (input) => calendar.export(input),
      'calendar.setAutoExport': ({ path }) => calendar.setAutoExport(path),
      'calendar.chooseAutoExport': () => calendar.chooseAutoExport(),
    },
    stop: () => calendar.stop(),
  }
}
