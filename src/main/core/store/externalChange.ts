import { rename } from 'node:fs/promises'
import { join } from 'node:path'
import type { StoreData } from '../../../shared/model'
import type { UnknownFields } from './handEdited'
import { makePrivateFile } from './ownerOnly'
import { loadSnapshot, writeSnapshot, type LoadedSnapshot, type SnapshotIdentity } from './snapshot'
import { signatureOf, stamp } from './storeFolder'
import type { StoreFiles } from './storeRecovery'

/**
 * Writes the state as the snapshot. Right before ours takes the name, a file another program put
 * there since `knownSnapshot()` is set aside (never overwritten) and the user is told.
 * Returns the new snapshot's identity and file signature.
 */
export async function writeSnapshotGuarded(
  files: StoreFiles,
  data: StoreData,
  options: {
    prev: SnapshotIdentity | null
    unknownFields: UnknownFields
    knownSnapshot: () => string
  },
): Promise<{ identity: SnapshotIdentity; signature: string }> {
  const { dir, snapshotFile, now, notices } = files
  let signature = ''
  const identity = await writeSnapshot(snapshotFile, data, {
    prev: options.prev,
    unknownFields: options.unknownFields,
    beforeRename: async (temp) => {
      signature = await signatureOf(temp)
      const current = await signatureOf(snapshotFile)
      if (current === options.knownSnapshot() || current === 'missing') return
      const setAside = join(dir, `rapport.conflict-${stamp(now())}.json`)
      await rename(snapshotFile, setAside)
      await makePrivateFile(setAside)
      notices.add({ kind: 'externalChangeSetAside', file: snapshotFile, setAsideFile: setAside })
    },
  })
  return { identity, signature }
}

/** Another program's snapshot as it is now, or null when it cannot be read. */
export async function readTheirSnapshot(file: string): Promise<LoadedSnapshot | null> {
  try {
    return await loadSnapshot(file)
  } catch {
    return null
  }
}

/**
 * Moves another program's snapshot aside under a conflict name (kept private) and returns that
 * name; a file already gone is no error.
 */
export async function setAsideTheirs(files: StoreFiles): Promise<string> {
  const setAside = join(files.dir, `rapport.conflict-${stamp(files.now())}.json`)
  await rename(files.snapshotFile, setAside).then(
    () => makePrivateFile(setAside),
    () => undefined,
  )
  return setAside
}
