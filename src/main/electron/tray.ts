import { Menu, Notification, Tray, nativeImage } from 'electron'
import type { ReminderNotification } from '../../shared/contract'
import type { GlueText } from './glueText'
import type { TrayItem } from './coreProcess/protocol'

const HOUR_MS = 60 * 60 * 1000

export interface TrayDeps {
  /** The file of a tray icon, e.g. 'tray-32.png' (see resourcePath). */
  icon: (name: string) => string
  /** Shows the window at a route of the app, e.g. '/today'. */
  open: (route: string) => void
  pauseReminders: (ms: number) => void
  quit: () => void
  words: () => GlueText['tray']
}

export interface AppTray {
  notify(notification: ReminderNotification): void
  /** What the core reports: how many follow-ups are due and the next few. */
  show(state: { dueCount: number; next: TrayItem[] }): void
  /** Redraws with the current words, after the interface language changed. */
  refresh(): void
  destroy(): void
}

/**
 * The tray icon and desktop notifications: a thin adapter over what the core's reminder
 * scheduler reports (it decides what is due and when, and is tested without Electron).
 */
export function createTray(deps: TrayDeps): AppTray {
  const image = (due: boolean) =>
    nativeImage.createFromPath(deps.icon(due ? 'tray-due-32.png' : 'tray-32.png'))
  const tray = new Tray(image(false))
  let count = 0
  let next: TrayItem[] = []

  const rebuild = () => {
    const words = deps.words()
    tray.setImage(image(count > 0))
    tray.setToolTip(`Rapport · ${words.due(count)}`)
    if (process.platform === 'darwin') tray.setTitle(count > 0 ? String(count) : '')
    tray.setContextMenu(
      Menu.buildFromTemplate([
        ...next.map((item) => ({
          label: `${item.contactName}: ${item.title}`.slice(0, 60),
          click: () => deps.open('/today'),
        })),
        ...(next.length > 0 ? [{ type: 'separator' as const }] : []),
        { label: words.open, click: () => deps.open('/today') },
        { label: words.capture, click: () => deps.open('/capture') },
        { label: words.pause, click: () => deps.pauseReminders(HOUR_MS) },
        { type: 'separator' },
        { label: words.quit, click: deps.quit },
      ]),
    )
  }
  tray.on('click', () => deps.open('/today'))
  rebuild()

  return {
    notify(notification) {
      if (!Notification.isSupported()) return
      const words = deps.words()
      const shown =
        notification.kind === 'single'
          ? new Notification({ title: notification.title, body: notification.body })
          : new Notification({ title: 'Rapport', body: words.due(notification.count) })
      shown.on('click', () => deps.open('/today'))
      shown.show()
    },
    show(state) {
      count = state.dueCount
      next = state.next
      rebuild()
    },
    refresh: rebuild,
    destroy: () => tray.destroy(),
  }
}
