import { join } from 'node:path'
import { Menu, Notification, Tray, nativeImage } from 'electron'
import type { ReminderNotification } from '../../shared/contract'
import type { ReminderHost, ReminderSink } from '../core/reminders/reminderHost'

const HOUR_MS = 60 * 60 * 1000

export interface TrayDeps {
  resourcesDir: string
  reminders: () => ReminderHost | null
  /** Shows the window at a route of the app, e.g. '/today'. */
  open: (route: string) => void
  quit: () => void
  words: () => {
    open: string
    capture: string
    pause: string
    quit: string
    due: (count: number) => string
  }
}

/**
 * The tray icon and desktop notifications: a thin adapter over the reminder scheduler, which
 * decides what is due and when (and is tested without Electron).
 */
export function createTray(deps: TrayDeps): ReminderSink & { destroy(): void } {
  const image = (due: boolean) =>
    nativeImage.createFromPath(join(deps.resourcesDir, due ? 'tray-due-32.png' : 'tray-32.png'))
  const tray = new Tray(image(false))
  let count = 0

  const rebuild = () => {
    const words = deps.words()
    const next = deps.reminders()?.nextDue(5) ?? []
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
        { label: words.pause, click: () => deps.reminders()?.pauseFor(HOUR_MS) },
        { type: 'separator' },
        { label: words.quit, click: deps.quit },
      ]),
    )
  }
  tray.on('click', () => deps.open('/today'))
  rebuild()

  return {
    notify(notification: ReminderNotification) {
      if (!Notification.isSupported()) return
      const words = deps.words()
      const shown =
        notification.kind === 'single'
          ? new Notification({ title: notification.title, body: notification.body })
          : new Notification({ title: 'Rapport', body: words.due(notification.count) })
      shown.on('click', () => deps.open('/today'))
      shown.show()
    },
    onCount(dueCount: number) {
      count = dueCount
      rebuild()
    },
    destroy: () => tray.destroy(),
  }
}
