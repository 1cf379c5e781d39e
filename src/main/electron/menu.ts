import { Menu, shell, type MenuItemConstructorOptions } from 'electron'
import type { GlueText } from './glueText'

/**
 * The application menu in the interface language: standard roles, so shortcuts and platform
 * conventions just work, with our own labels (a role's own label follows the system locale).
 */
export function installAppMenu(options: {
  isDev: boolean
  dataDir: string
  words: GlueText['menu']
}): void {
  const isMac = process.platform === 'darwin'
  const w = options.words
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: w.file,
      submenu: [
        { label: w.openDataFolder, click: () => void shell.openPath(options.dataDir) },
        { type: 'separator' },
        isMac ? { role: 'close', label: w.close } : { role: 'quit', label: w.quit },
      ],
    },
    {
      label: w.edit,
      submenu: [
        { role: 'undo', label: w.undo },
        { role: 'redo', label: w.redo },
        { type: 'separator' },
        { role: 'cut', label: w.cut },
        { role: 'copy', label: w.copy },
        { role: 'paste', label: w.paste },
        { role: 'selectAll', label: w.selectAll },
      ],
    },
    {
      label: w.view,
      submenu: [
        { role: 'reload', label: w.reload },
        ...(options.isDev ? [{ role: 'toggleDevTools' as const, label: w.devTools }] : []),
        { type: 'separator' },
        { role: 'resetZoom', label: w.resetZoom },
        { role: 'zoomIn', label: w.zoomIn },
        { role: 'zoomOut', label: w.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: w.fullScreen },
      ],
    },
    {
      label: w.window,
      submenu: [
        { role: 'minimize', label: w.minimize },
        { role: 'close', label: w.close },
      ],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
