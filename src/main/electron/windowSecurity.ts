/** Rapport asks for no permission (camera, location, notifications go through main): all denied. */
export function allowPermission(_permission: string): boolean {
  return false
}
