import { join } from 'node:path'

/**
 * Where the tray and app icons are: `resources/` of the project in development, and the
 * `icons/` folder electron-builder copies beside the app (extraResources) once packaged.
 * The one place that knows both layouts.
 */
export function resourcePath(
  name: string,
  app: { isPackaged: boolean; getAppPath(): string },
  packagedResourcesDir: string = process.resourcesPath,
): string {
  return app.isPackaged
    ? join(packagedResourcesDir, 'icons', name)
    : join(app.getAppPath(), 'resources', name)
}
