import { z } from 'zod'
import { appErrorSchema } from '../../../shared/errors'

/**
 * The messages between the Electron main process and the core's utility process. Both ends
 * validate what they receive: the other side is a separate program that may crash or be stale.
 * Values inside envelopes are not checked here; `dispatch` produced them from the contract.
 */

export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
])

const callId = z.number().int().nonnegative()

export const coreStartOptionsSchema = z.object({
  dataDir: z.string().min(1),
  version: z.string(),
  systemLanguage: z.enum(['zh-CN', 'en']),
  holder: z.string(),
  demoOnFirstLaunch: z.boolean(),
  /** Operations main answers itself (dialogs, printing); the core asks for them back. */
  hostOperations: z.array(z.string()),
  /** The phone-sync password from the OS keychain, kept in the core's memory only. */
  syncPassword: z.string().max(1000).optional(),
})
export type CoreStartOptions = z.infer<typeof coreStartOptionsSchema>

/** From main to the core, over the MessagePort (the first one over the parent port). */
export const toCoreSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), options: coreStartOptionsSchema }),
  /** `payload` is the page's input as JSON text (see shared/ipcPayload), relayed undecoded. */
  z.object({ type: z.literal('call'), id: callId, name: z.string(), payload: z.string() }),
  z.object({ type: z.literal('hostReply'), id: callId, envelope: envelopeSchema }),
  z.object({ type: z.literal('pauseReminders'), ms: z.number().int().positive() }),
  z.object({ type: z.literal('wake') }),
  /** A new phone-sync password was saved in the keychain: the core uses it from now on. */
  z.object({ type: z.literal('syncPassword'), password: z.string().max(1000) }),
  z.object({ type: z.literal('close') }),
])
export type ToCore = z.infer<typeof toCoreSchema>

export const trayItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  contactName: z.string(),
  dueAt: z.string(),
})
export type TrayItem = z.infer<typeof trayItemSchema>

export const reminderNotificationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('single'), id: z.string(), title: z.string(), body: z.string() }),
  z.object({ kind: z.literal('summary'), count: z.number().int(), ids: z.array(z.string()) }),
])

/** From the core to main. */
export const fromCoreSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), unavailable: z.boolean() }),
  /** The envelope as JSON text, for main to hand to the page without decoding it. */
  z.object({ type: z.literal('reply'), id: callId, payload: z.string() }),
  z.object({ type: z.literal('host'), id: callId, name: z.string(), input: z.unknown() }),
  z.object({ type: z.literal('notify'), notification: reminderNotificationSchema }),
  /** What the tray shows: how many follow-ups are due and the next few. */
  z.object({
    type: z.literal('tray'),
    dueCount: z.number().int().nonnegative(),
    next: z.array(trayItemSchema),
  }),
  /** A durable change touched these collections: main tells the windows to re-read them. */
  z.object({ type: z.literal('changed'), collections: z.array(z.string().max(40)).max(50) }),
  z.object({ type: z.literal('closed') }),
  z.object({ type: z.literal('failed'), message: z.string() }),
])
export type FromCore = z.infer<typeof fromCoreSchema>

/**
 * A host request that is not a contract operation: the core's process asks main to show the save
 * dialog for the auto-exported calendar, so the page can never name that file itself.
 */
export const CHOOSE_AUTO_EXPORT_FILE = 'host.chooseAutoExportFile'
