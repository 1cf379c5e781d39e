import { join } from 'node:path'
import { operationNames, type AppInfo, type Handlers } from '../../shared/contract'
import { RapportError } from '../../shared/errors'
import { emptyStoreData, settingsSchema } from '../../shared/model'
import { systemClock, type Clock } from './clock'
import { buildDemoNetwork } from './demo/demoNetwork'
import { createDispatch, type Dispatch } from './dispatch'
import { createHandlers } from './handlers'
import type { DataStore } from './store/dataStore'
import { openJsonStore } from './store/jsonFileStore'

export const STORE_FILE_NAME = 'rapport.json'

export interface CoreOptions {
  dataDir: string
  version: string
  systemLanguage: AppInfo['systemLanguage']
  /** Seed the demo network when the data folder is empty (first launch). */
  demoOnFirstLaunch?: boolean
  clock?: Clock
}

export interface Core {
  dispatch: Dispatch
  /** Set when the store could not be opened; every data operation then answers this error. */
  unavailable: RapportError | null
  storeFile: string
  close(): Promise<void>
}

/**
 * Opens the store and the services over it. The transports (IPC, HTTP) only ever see the
 * resulting `dispatch`. A store that cannot be opened does not stop the app: it starts and tells
 * the user which file is wrong, and the file is left untouched.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock
  const storeFile = join(options.dataDir, STORE_FILE_NAME)
  const context = { ...options, clock }
  let store: DataStore
  try {
    store = await openJsonStore(storeFile, {
      initialData: () => {
        const data = emptyStoreData()
        if (!options.demoOnFirstLaunch) return data
        return { ...data, ...buildDemoNetwork(options.systemLanguage, clock.now()) }
      },
    })
  } catch (error) {
    if (!(error instanceof RapportError)) throw error
    const handlers = unavailableHandlers(error, { ...context, storeFile })
    return {
      dispatch: createDispatch(handlers),
      unavailable: error,
      storeFile,
      close: async () => {},
    }
  }
  const handlers = createHandlers(store, context)
  return {
    dispatch: createDispatch(handlers),
    unavailable: null,
    storeFile,
    close: () => store.close(),
  }
}

function unavailableHandlers(
  error: RapportError,
  context: Omit<CoreOptions, 'clock'> & { storeFile: string },
): Handlers {
  const refuse = () => {
    throw error
  }
  const handlers = Object.fromEntries(
    operationNames.map((name) => [name, refuse]),
  ) as unknown as Handlers
  handlers['app.info'] = () => ({
    version: context.version,
    dataDir: context.dataDir,
    storeFile: context.storeFile,
    systemLanguage: context.systemLanguage,
    hasDemoData: false,
    storeError: error.toValue(),
  })
  // The interface still needs a language to explain the problem in.
  handlers['settings.get'] = () => settingsSchema.parse({})
  return handlers
}
