/**
 * The before / during / after checklists, in Rapport's own words after the method. Only ids live
 * here; the interface words them in both languages (events.checklist.<id>). An event keeps the
 * ids of the items ticked for it.
 */
export const CHECKLIST = {
  before: ['why', 'targets', 'research', 'offer', 'intro', 'logistics', 'cards'],
  during: ['early', 'dress', 'core', 'spots', 'help', 'seed'],
  after: ['cards', 'followUp24', 'promises', 'secondMeeting', 'stages'],
} as const

export type ChecklistPhase = keyof typeof CHECKLIST
export const checklistIds: string[] = Object.entries(CHECKLIST).flatMap(([phase, ids]) =>
  ids.map((id) => `${phase}.${id}`),
)
