import { QueryObserver, type QueryClient, type QueryKey } from '@tanstack/query-core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createQueryClient } from '../../src/renderer/src/api/queryClient'
import {
  CHANGE_SETTLE_MS,
  followChanges,
  invalidateForChanges,
  queryKeys,
  watchQueryKey,
} from '../../src/renderer/src/api/queryKeys'

/** A query on screen (it has an observer), counting how often it asked the core. */
function shown(client: QueryClient, queryKey: QueryKey) {
  const counter = { reads: 0, data: undefined as unknown }
  const observer = new QueryObserver(client, {
    queryKey,
    queryFn: () => {
      counter.reads += 1
      return Promise.resolve(`${JSON.stringify(queryKey)} #${counter.reads}`)
    },
  })
  const unsubscribe = observer.subscribe((result) => {
    counter.data = result.data
  })
  return { counter, observer, unsubscribe }
}

/** Lets the fetches started so far answer and their results reach the observers. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10))

afterEach(() => {
  vi.useRealTimers()
})

describe('queries refreshed by the core’s change events', () => {
  it('a change to contacts reads the contacts list and card again, not the events list', async () => {
    const client = createQueryClient()
    const contacts = shown(client, queryKeys.contactSearch('{"text":"wang"}'))
    const card = shown(client, queryKeys.card('c1'))
    const events = shown(client, queryKeys.eventList())
    await settle()
    expect([contacts.counter.reads, card.counter.reads, events.counter.reads]).toEqual([1, 1, 1])

    await invalidateForChanges(client, ['contacts'])
    await settle()
    expect(contacts.counter.reads).toBe(2)
    expect(card.counter.reads).toBe(2)
    expect(events.counter.reads).toBe(1)
    expect(contacts.counter.data).toBe(`${JSON.stringify(contacts.observer.options.queryKey)} #2`)
  })

  it('the map saving its own layout does not rebuild the map; a new contact does', async () => {
    const client = createQueryClient()
    const map = shown(client, queryKeys.mapGraph())
    await settle()
    await invalidateForChanges(client, ['mapLayouts'])
    await settle()
    expect(map.counter.reads).toBe(1)
    await invalidateForChanges(client, ['mapLayouts', 'contacts'])
    await settle()
    expect(map.counter.reads).toBe(2)
  })

  it('settings, an unknown collection or a change without names refresh everything', async () => {
    const client = createQueryClient()
    const events = shown(client, queryKeys.eventList())
    const sync = shown(client, queryKeys.sync())
    await settle()
    for (const collections of [['settings'], ['somethingNew'], []]) {
      await invalidateForChanges(client, collections)
      await settle()
    }
    expect(events.counter.reads).toBe(4)
    expect(sync.counter.reads).toBe(4)
  })

  it('a query no longer on screen is read again when it is shown next, not before', async () => {
    const client = createQueryClient()
    const card = shown(client, queryKeys.card('c1'))
    await settle()
    card.unsubscribe()
    await invalidateForChanges(client, ['contacts'])
    await settle()
    expect(card.counter.reads).toBe(1)
    const again = card.observer.subscribe(() => undefined)
    await settle()
    expect(card.counter.reads).toBe(2)
    again()
  })

  it('a burst of changes reads once, for everything any of them touched', async () => {
    vi.useFakeTimers()
    const client = createQueryClient()
    let send: (collections: string[]) => void = () => undefined
    const stop = followChanges(client, (listener) => {
      send = listener
      return () => undefined
    })
    const events = shown(client, queryKeys.eventList())
    const sync = shown(client, queryKeys.sync())
    const duplicates = shown(client, queryKeys.duplicates())
    await vi.advanceTimersByTimeAsync(10)

    send(['events'])
    send(['syncLog'])
    send(['events', 'encounters'])
    await vi.advanceTimersByTimeAsync(CHANGE_SETTLE_MS + 10)
    expect(events.counter.reads).toBe(2)
    expect(sync.counter.reads).toBe(2)
    expect(duplicates.counter.reads).toBe(1)
    stop()
  })

  it('the windowed contacts list is told of the changes that concern it', () => {
    const refreshed: string[] = []
    const client = createQueryClient()
    const stop = watchQueryKey(queryKeys.contactSearch('{}'), () => refreshed.push('list'))
    void invalidateForChanges(client, ['mapLayouts'])
    void invalidateForChanges(client, ['gatherings'])
    expect(refreshed).toEqual([])
    void invalidateForChanges(client, ['followUps'])
    stop()
    void invalidateForChanges(client, ['contacts'])
    expect(refreshed).toEqual(['list'])
  })
})

describe('what the pages see while reading', () => {
  it('keeps the previous answer on screen while a new search loads', async () => {
    const client = createQueryClient()
    let answer: (value: string) => void = () => undefined
    const observer = new QueryObserver<string>(client, {
      queryKey: queryKeys.contactSearch('wa'),
      queryFn: () => Promise.resolve('rows for wa'),
    })
    const stop = observer.subscribe(() => undefined)
    await settle()
    observer.setOptions({
      queryKey: queryKeys.contactSearch('wan'),
      queryFn: () => new Promise<string>((resolve) => (answer = resolve)),
    })
    expect(observer.getCurrentResult().data).toBe('rows for wa')
    expect(observer.getCurrentResult().isPlaceholderData).toBe(true)
    answer('rows for wan')
    await settle()
    expect(observer.getCurrentResult().data).toBe('rows for wan')
    stop()
  })

  it('an older answer that arrives late does not overwrite a newer one', async () => {
    const client = createQueryClient()
    const answers: ((value: string) => void)[] = []
    const observer = new QueryObserver<string>(client, {
      queryKey: queryKeys.queue(),
      queryFn: () => new Promise<string>((resolve) => answers.push(resolve)),
    })
    const stop = observer.subscribe(() => undefined)
    await settle()
    // A change arrives while the first read is still on its way.
    void invalidateForChanges(client, ['followUps'])
    await settle()
    expect(answers).toHaveLength(2)
    answers[1]!('after the change')
    await settle()
    answers[0]!('before the change')
    await settle()
    expect(observer.getCurrentResult().data).toBe('after the change')

    // And while the page already shows data: two changes in turn, answered in reverse order.
    void invalidateForChanges(client, ['followUps'])
    await settle()
    void invalidateForChanges(client, ['contacts'])
    await settle()
    expect(answers).toHaveLength(4)
    answers[3]!('after the second change')
    await settle()
    answers[2]!('after the first change')
    await settle()
    expect(observer.getCurrentResult().data).toBe('after the second change')
    stop()
  })
})
